// swift-tools-version:6.0
// libFuzzer targets for okrportal, kept out of the main package because they are built with
// sanitizer coverage and linked with libFuzzer. See docs/fuzzing.md.
import PackageDescription

let fuzzer = "/opt/swift/usr/lib/clang/21/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a"

let package = Package(
    name: "okrportal-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // libFuzzer's driver declared for Swift.
        .target(name: "CFuzzer"),
        // The site folder the build fuzzers share.
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzFrontMatter",
            dependencies: ["CFuzzer", .product(name: "OKRSite", package: "main")],
            linkerSettings: [.unsafeFlags([fuzzer, "-lstdc++"])]
        ),
        .executableTarget(
            name: "FuzzNumbers",
            dependencies: ["CFuzzer", "FuzzSupport", .product(name: "OKRSite", package: "main")],
            linkerSettings: [.unsafeFlags([fuzzer, "-lstdc++"])]
        ),
        .executableTarget(
            name: "FuzzBuild",
            dependencies: ["CFuzzer", "FuzzSupport", .product(name: "OKRSite", package: "main")],
            linkerSettings: [.unsafeFlags([fuzzer, "-lstdc++"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
