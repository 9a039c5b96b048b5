// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "okrportal",
    products: [
        .executable(name: "okrportal", targets: ["okrportal"]),
        // The libraries behind the command, for tools that embed okrportal (and the fuzzers in Fuzz/).
        .library(name: "OKRSite", targets: ["OKRSite", "OKRContent", "OKRCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // The preview server of `okrportal serve`: small and quick to build (see docs/serve.md).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // System libraries: Debian's packages, never vendored copies.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The rules of OKRs: model, alignment, numbers, diagnostics. No I/O, no C.
        .target(name: "OKRCore"),
        // Reading a site: files, front matter, YAML events into the model.
        .target(name: "OKRContent", dependencies: ["OKRCore", "CYAML"]),
        // Rendering: Markdown, view models, templates, charts, exports, writer.
        .target(
            name: "OKRSite",
            dependencies: [
                "OKRContent", "OKRCore", "CCmarkGFM",
            ],
            plugins: ["EmbedTheme"]
        ),
        // Build-time only: compiles Templates/ into the binary as the default theme.
        .executableTarget(name: "theme-embedder", path: "Sources/theme-embedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["theme-embedder"]),
        // The preview server of `okrportal serve`: static files, reload events, the error page.
        .target(
            name: "OKRServe",
            dependencies: ["OKRSite", "OKRContent", "OKRCore", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "okrportal",
            dependencies: [
                "OKRServe", "OKRSite", "OKRContent", "OKRCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Inline whole-site fixtures shared by the test targets.
        .target(
            name: "OKRTestSupport", dependencies: ["OKRSite", "OKRContent", "OKRCore"], path: "Tests/OKRTestSupport"),
        .testTarget(
            name: "OKRCoreTests",
            dependencies: ["OKRCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "OKRContentTests", dependencies: ["OKRContent", "OKRCore", "OKRTestSupport"]),
        .testTarget(name: "OKRSiteTests", dependencies: ["OKRSite", "OKRContent", "OKRCore", "OKRTestSupport"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["OKRServe", "OKRSite", "OKRContent", "OKRCore", "OKRTestSupport", "okrportal"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
