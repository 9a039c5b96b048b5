import OKRCore
import Testing

@testable import OKRSite

// Template inheritance (the specification's optional module), UI strings, and pages too large to hold.

@Suite struct InheritanceSpecTests {
    @Test func blocksAndParents() throws {
        #expect(try render("{{$title}}Default title{{/title}}\n", Doc()) == "Default title\n")
        #expect(
            try render("{{<include}}{{/include}}", Doc(), partials: ["include": "{{$foo}}default content{{/foo}}"])
                == "default content")
        #expect(
            try render(
                "{{<parent}}{{$ballmer}}peaked{{/ballmer}}{{/parent}}", Doc(),
                partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"]) == "peaked")
        // Content of a parent tag other than blocks is ignored.
        #expect(
            try render("{{<parent}}ignored{{$b}}x{{/b}}{{/parent}}", Doc(), partials: ["parent": "<{{$b}}{{/b}}>"])
                == "<x>")
    }

    @Test func multilevelInheritanceAndContext() throws {
        let partials = [
            "parent": "{{<grandparent}}{{$a}}p{{/a}}{{/grandparent}}", "grandparent": "{{$a}}g{{/a}}",
        ]
        // The most specific block wins: the child's over the parent's over the grandparent's default.
        #expect(try render("{{<parent}}{{$a}}c{{/a}}{{/parent}}", Doc(), partials: partials) == "c")
        #expect(try render("{{<parent}}{{/parent}}", Doc(), partials: partials) == "p")
        #expect(try render("{{<grandparent}}{{/grandparent}}", Doc(), partials: partials) == "g")
        // Blocks render with the views of the place that defines them and of the parent.
        #expect(
            try render(
                "{{<parent}}{{$b}}{{text}}{{/b}}{{/parent}}", Doc(text: "t", list: [Item(name: "i")]),
                partials: ["parent": "{{#list}}{{name}}:{{$b}}{{/b}}{{/list}}"]) == "i:t")
    }

    @Test func uiStringsAreConstants() throws {
        #expect(try render("{{t.hello}} {{{t.hello}}}", Doc(), strings: ["hello": "A & B"]) == "A &amp; B A & B")
        #expect(
            try render(
                "{{#t.hello}}yes{{/t.hello}}{{^t.empty}}none{{/t.empty}}", Doc(), strings: ["hello": "x", "empty": ""])
                == "yesnone")
    }
}

@Suite struct LargeOutputTests {
    /// A long page hands its bytes over between list items once past the threshold, and what is handed
    /// over plus what is left is the page.
    @Test func aLargePageIsHandedOverInPiecesThatMakeTheWholePage() throws {
        var diagnostics = Diagnostics()
        let sources = [
            "main": TemplateSource(path: "main.mustache", bytes: Array("<{{#list}}[{{name}}]{{/list}}>".utf8)),
            "frame": TemplateSource(path: "frame.mustache", bytes: []),
        ]
        let set = try #require(
            TemplateSet.compile(
                sources: sources, strings: Strings([:]), bindings: [.view("main", Doc.self, inside: Item.self)],
                missing: { SourceLocation(path: $0) }, diagnostics: &diagnostics))
        let doc = Doc(list: (0..<1000).map { Item(name: String($0)) })
        var whole: [UInt8] = []
        set.render("main", doc, inside: Item(), into: &whole)
        var pieces: [[UInt8]] = []
        var rest: [UInt8] = []
        set.render(
            "main", doc, inside: Item(), into: &rest,
            flush: { bytes in
                pieces.append(bytes)
                bytes.removeAll(keepingCapacity: true)
            }, flushAt: 100)
        #expect(pieces.count > 10)
        #expect(pieces.allSatisfy { $0.count >= 100 && $0.count < 110 })
        #expect(pieces.flatMap { $0 } + rest == whole)
        #expect(String(decoding: whole, as: UTF8.self).hasSuffix("[999]>"))
    }
}
