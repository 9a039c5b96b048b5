import OKRCore
import Testing

@testable import OKRSite

// The renderer against the behaviours the Mustache specification (github.com/mustache/spec, v1.3)
// requires: interpolation and escaping, triple mustache and `&`, dotted names, the implicit
// iterator, sections over lists, flags and views, inverted sections, partials with indentation,
// comments, set delimiters, standalone lines, and template inheritance. Each case is a spec case
// written out with typed views in place of the spec's JSON data. Where okrportal deliberately differs
// (a name the view lacks is an error, not empty text; text never goes out unescaped), the tests in
// TemplateCompileErrorTests say so.

/// A view with one field of each kind, for the spec's data.
struct Doc: TemplateView {
    var text = ""
    var html = ""
    var number = 0
    var on = false
    var list: [Item] = []
    var words: [String] = []
    var item: Item? = nil
    var nested = Nest()

    static let schema = ViewSchema<Doc>(
        "Doc", "Test data.",
        fields: [
            .text("text", "a text") { $0.text },
            .html("html", "markup") { $0.html },
            .number("number", "a number") { $0.number },
            .flag("on", "a flag") { $0.on },
            .list("list", "items") { $0.list },
            .list("words", "texts") { $0.words },
            .optional("item", "an item or none") { $0.item },
            .view("nested", "a nested view") { $0.nested },
        ])
}

struct Item: TemplateView {
    var name = ""
    var on = false
    static let schema = ViewSchema<Item>(
        "Item", "An item.", fields: [.text("name", "its name") { $0.name }, .flag("on", "a flag") { $0.on }])
}

/// Views nested five deep, for dotted names.
struct Nest: TemplateView {
    var text = "deep"
    var inner: Item? = Item(name: "inner")
    static let schema = ViewSchema<Nest>(
        "Nest", "A view with a view.",
        fields: [.text("text", "a text") { $0.text }, .optional("inner", "an item") { $0.inner }])
}

/// Renders `template` (named `main`) for `view`, with `partials` as further templates.
func render<V: TemplateView>(
    _ template: String, _ view: V, partials: [String: String] = [:], strings: [String: String] = [:]
) throws -> String {
    var diagnostics = Diagnostics()
    guard let set = compileTemplates(template, V.self, partials: partials, strings: strings, &diagnostics) else {
        throw TemplateTestError(diagnostics: diagnostics.sorted)
    }
    return set.string("main", view)
}

/// The problems of compiling `template` for `V`.
func templateErrors<V: TemplateView>(
    _ template: String, _: V.Type, partials: [String: String] = [:], strings: [String: String] = [:]
) -> [Diagnostic] {
    var diagnostics = Diagnostics()
    _ = compileTemplates(template, V.self, partials: partials, strings: strings, &diagnostics)
    return diagnostics.sorted
}

private func compileTemplates<V: TemplateView>(
    _ template: String, _: V.Type, partials: [String: String], strings: [String: String],
    _ diagnostics: inout Diagnostics
) -> TemplateSet? {
    var sources = ["main": TemplateSource(path: "main.mustache", bytes: Array(template.utf8))]
    for (name, text) in partials { sources[name] = TemplateSource(path: "\(name).mustache", bytes: Array(text.utf8)) }
    return TemplateSet.compile(
        sources: sources, strings: Strings(strings), bindings: [.view("main", V.self)],
        missing: { SourceLocation(path: $0) }, diagnostics: &diagnostics)
}

struct TemplateTestError: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

@Suite struct InterpolationSpecTests {
    @Test func textWithoutTagsStaysAsItIs() throws {
        #expect(try render("Hello from {Mustache}!\n", Doc()) == "Hello from {Mustache}!\n")
    }

    @Test func basicInterpolation() throws {
        #expect(try render("Hello, {{text}}!\n", Doc(text: "world")) == "Hello, world!\n")
    }

    @Test func htmlEscaping() throws {
        // The spec's four characters, and the apostrophe, which attributes quoted with ' need.
        #expect(
            try render("These characters should be HTML escaped: {{text}}\n", Doc(text: "& \" < > '"))
                == "These characters should be HTML escaped: &amp; &quot; &lt; &gt; &#39;\n")
    }

    @Test func tripleMustacheAndAmpersandDoNotEscape() throws {
        let doc = Doc(html: "& \" < >")
        #expect(try render("{{{html}}}", doc) == "& \" < >")
        #expect(try render("{{&html}}", doc) == "& \" < >")
        #expect(try render("{{{ html }}} {{& html }}", doc) == "& \" < > & \" < >")
    }

    @Test func numbers() throws {
        #expect(try render("\"{{number}} miles an hour!\"", Doc(number: 85)) == "\"85 miles an hour!\"")
        #expect(try render("{{number}}", Doc(number: -3)) == "-3")
    }

    @Test func dottedNames() throws {
        let doc = Doc(item: Item(name: "Joe"))
        #expect(try render("\"{{item.name}}\" == \"{{#item}}{{name}}{{/item}}\"", doc) == "\"Joe\" == \"Joe\"")
        // Arbitrary depth, through views and optional views.
        #expect(try render("{{nested.inner.name}} {{nested.text}}", Doc()) == "inner deep")
        // A broken chain (an absent view on the way) is empty.
        #expect(try render("[{{item.name}}]", Doc()) == "[]")
        #expect(try render("[{{nested.inner.name}}]", Doc(nested: Nest(inner: nil))) == "[]")
    }

    @Test func dottedNamesResolveTheirFirstPartLikeAnyName() throws {
        // Inside `item`, `name` is the item's; `item.name` is looked up from the innermost view that
        // has an `item` (the root here).
        let doc = Doc(text: "root", item: Item(name: "in"))
        #expect(try render("{{#item}}{{name}}/{{item.name}}/{{text}}{{/item}}", doc) == "in/in/root")
    }

    @Test func implicitIterator() throws {
        #expect(try render("Hello, {{.}}!\n", "world") == "Hello, world!\n")
        #expect(try render("{{.}}", "<b>") == "&lt;b&gt;")
    }

    @Test func whitespaceAroundInterpolation() throws {
        #expect(try render("| {{text}} |", Doc(text: "---")) == "| --- |")
        // Interpolation tags are never standalone.
        #expect(try render("  {{text}}\n", Doc(text: "---")) == "  ---\n")
        #expect(try render("|{{ text }}|", Doc(text: "---")) == "|---|")
    }
}

@Suite struct SectionSpecTests {
    @Test func flags() throws {
        #expect(
            try render("\"{{#on}}This should be rendered.{{/on}}\"", Doc(on: true)) == "\"This should be rendered.\"")
        #expect(try render("\"{{#on}}This should not be rendered.{{/on}}\"", Doc(on: false)) == "\"\"")
    }

    @Test func absentViewIsFalse() throws {
        #expect(try render("\"{{#item}}no{{/item}}\"", Doc()) == "\"\"")
    }

    @Test func viewBecomesTheContext() throws {
        #expect(try render("\"{{#item}}Hi {{name}}.{{/item}}\"", Doc(item: Item(name: "Joe"))) == "\"Hi Joe.\"")
    }

    @Test func outerViewsStayVisible() throws {
        let doc = Doc(text: "foo", number: 3, item: Item(name: "bar"))
        #expect(
            try render("{{#item}}{{text}}, {{name}}, {{number}}, {{nested.text}}{{/item}}", doc) == "foo, bar, 3, deep")
    }

    @Test func textSectionRendersWithTheTextAsItem() throws {
        #expect(try render("{{#text}}{{.}} is {{text}}{{/text}}", Doc(text: "bar")) == "bar is bar")
        #expect(try render("[{{#text}}x{{/text}}]", Doc(text: "")) == "[]")
    }

    @Test func lists() throws {
        let doc = Doc(list: [Item(name: "1"), Item(name: "2"), Item(name: "3")])
        #expect(try render("\"{{#list}}{{name}}{{/list}}\"", doc) == "\"123\"")
        #expect(try render("\"{{#list}}Yay lists!{{/list}}\"", Doc()) == "\"\"")
        #expect(
            try render("\"{{#words}}({{.}}){{/words}}\"", Doc(words: ["a", "b", "c", "d", "e"]))
                == "\"(a)(b)(c)(d)(e)\"")
    }

    @Test func doubledAndNested() throws {
        let doc = Doc(text: "second", on: true)
        #expect(
            try render("{{#on}}\n* first\n{{/on}}\n* {{text}}\n{{#on}}\n* third\n{{/on}}\n", doc)
                == "* first\n* second\n* third\n")
        #expect(
            try render("| A {{#on}}B {{#on}}C{{/on}} D{{/on}} E |", Doc(on: true)) == "| A B C D E |")
        #expect(try render("| A {{#on}}B {{#on}}C{{/on}} D{{/on}} E |", Doc(on: false)) == "| A  E |")
    }

    @Test func dottedSections() throws {
        #expect(try render("\"{{#nested.inner.on}}Here{{/nested.inner.on}}\" == \"\"", Doc()) == "\"\" == \"\"")
        let on = Doc(nested: Nest(inner: Item(name: "x", on: true)))
        #expect(try render("\"{{#nested.inner.on}}Here{{/nested.inner.on}}\"", on) == "\"Here\"")
        // A broken chain is false.
        #expect(try render("\"{{#nested.inner.on}}Here{{/nested.inner.on}}\"", Doc(nested: Nest(inner: nil))) == "\"\"")
    }

    @Test func firstAndLastInLists() throws {
        let doc = Doc(list: [Item(name: "a"), Item(name: "b"), Item(name: "c")])
        #expect(try render("{{#list}}{{name}}{{^last()}}, {{/last()}}{{/list}}", doc) == "a, b, c")
        #expect(try render("{{#list}}{{#first()}}[{{/first()}}{{name}}{{/list}}]", doc) == "[abc]")
    }

    @Test func whitespace() throws {
        let on = Doc(on: true)
        #expect(try render(" | {{#on}}\t|\t{{/on}} | \n", on) == " | \t|\t | \n")
        #expect(try render(" | {{#on}} {{! Important Whitespace }}\n {{/on}} | \n", on) == " |  \n  | \n")
        #expect(try render(" {{#on}}YES{{/on}}\n {{#on}}GOOD{{/on}}\n", on) == " YES\n GOOD\n")
        #expect(try render("|{{# on }}={{/ on }}|", on) == "|=|")
    }

    @Test func standaloneLines() throws {
        let on = Doc(on: true)
        #expect(try render("| This Is\n{{#on}}\n|\n{{/on}}\n| A Line\n", on) == "| This Is\n|\n| A Line\n")
        #expect(try render("| This Is\n  {{#on}}\n|\n  {{/on}}\n| A Line\n", on) == "| This Is\n|\n| A Line\n")
        #expect(try render("|\r\n{{#on}}\r\n{{/on}}\r\n|", on) == "|\r\n|")
        #expect(try render("  {{#on}}\n#{{/on}}\n/", on) == "#\n/")
        #expect(try render("#{{#on}}\n/\n  {{/on}}", on) == "#\n/\n")
    }
}

@Suite struct InvertedSpecTests {
    @Test func invertedFlagsViewsAndLists() throws {
        #expect(
            try render("\"{{^on}}This should be rendered.{{/on}}\"", Doc(on: false)) == "\"This should be rendered.\"")
        #expect(try render("\"{{^on}}This should not be rendered.{{/on}}\"", Doc(on: true)) == "\"\"")
        #expect(try render("\"{{^item}}none{{/item}}\"", Doc()) == "\"none\"")
        #expect(try render("\"{{^item}}Found key 'item'!{{/item}}\"", Doc(item: Item(name: "Joe"))) == "\"\"")
        #expect(try render("\"{{^list}}empty{{/list}}\"", Doc()) == "\"empty\"")
        #expect(try render("\"{{^list}}{{text}}{{/list}}\"", Doc(list: [Item()])) == "\"\"")
        #expect(try render("[{{^text}}no text{{/text}}]", Doc(text: "")) == "[no text]")
    }

    @Test func doubledNestedAndStandalone() throws {
        let off = Doc(text: "second", on: false)
        #expect(
            try render("{{^on}}\n* first\n{{/on}}\n* {{text}}\n{{^on}}\n* third\n{{/on}}\n", off)
                == "* first\n* second\n* third\n")
        #expect(try render("| A {{^on}}B {{^on}}C{{/on}} D{{/on}} E |", off) == "| A B C D E |")
        #expect(try render("| This Is\n  {{^on}}\n|\n  {{/on}}\n| A Line\n", off) == "| This Is\n|\n| A Line\n")
        #expect(try render("|\r\n{{^on}}\r\n{{/on}}\r\n|", off) == "|\r\n|")
        #expect(try render("|{{^ on }}={{/ on }}|", off) == "|=|")
    }
}

@Suite struct PartialSpecTests {
    @Test func partialsRenderInTheCurrentContext() throws {
        #expect(try render("\"{{>text}}\"", Doc(), partials: ["text": "from partial"]) == "\"from partial\"")
        #expect(
            try render("\"{{>partial}}\"", Doc(text: "content"), partials: ["partial": "*{{text}}*"]) == "\"*content*\""
        )
        let doc = Doc(list: [Item(name: "a"), Item(name: "b")])
        #expect(try render("{{#list}}{{>p}}{{/list}}", doc, partials: ["p": "<{{name}}>"]) == "<a><b>")
    }

    @Test func whitespaceAndIndentation() throws {
        #expect(try render("| {{>partial}} |", Doc(), partials: ["partial": "\t|\t"]) == "| \t|\t |")
        #expect(
            try render("  {{text}}  {{> partial}}\n", Doc(text: "|"), partials: ["partial": ">\n>"]) == "  |  >\n>\n")
        #expect(try render("|\r\n{{>partial}}\r\n|", Doc(), partials: ["partial": ">"]) == "|\r\n>|")
        #expect(try render("  {{>partial}}\n>", Doc(), partials: ["partial": ">\n>"]) == "  >\n  >>")
        #expect(try render(">\n  {{>partial}}", Doc(), partials: ["partial": ">\n>"]) == ">\n  >\n  >")
        // A standalone partial indents its own lines, not the lines of what it interpolates.
        #expect(
            try render("\\\n {{>partial}}\n/\n", Doc(html: "<\n->"), partials: ["partial": "|\n{{{html}}}\n|\n"])
                == "\\\n |\n <\n->\n |\n/\n")
        #expect(try render("|{{> partial }}|", Doc(), partials: ["partial": "[]"]) == "|[]|")
    }
}

@Suite struct CommentSpecTests {
    @Test func commentsRenderNothing() throws {
        #expect(try render("12345{{! Comment Block! }}67890", Doc()) == "1234567890")
        #expect(try render("12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", Doc()) == "1234567890\n")
        #expect(try render("12345 {{! Comment Block! }} 67890", Doc()) == "12345  67890")
        #expect(try render("  12 {{! 34 }}\n", Doc()) == "  12 \n")
    }

    @Test func standaloneComments() throws {
        #expect(try render("Begin.\n{{! Comment Block! }}\nEnd.\n", Doc()) == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", Doc()) == "Begin.\nEnd.\n")
        #expect(try render("|\r\n{{! Standalone Comment }}\r\n|", Doc()) == "|\r\n|")
        #expect(try render("  {{! I'm Still Standalone }}\n!", Doc()) == "!")
        #expect(try render("!\n  {{! I'm Still Standalone }}", Doc()) == "!\n")
        #expect(try render("Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", Doc()) == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{!\n    Something's going on here...\n  }}\nEnd.\n", Doc()) == "Begin.\nEnd.\n")
    }
}

@Suite struct DelimiterSpecTests {
    @Test func setDelimiters() throws {
        #expect(try render("{{=<% %>=}}(<%text%>)", Doc(text: "Hey!")) == "(Hey!)")
        #expect(try render("({{=[ ]=}}[text])", Doc(text: "It worked!")) == "(It worked!)")
        #expect(try render("|{{= @   @ =}}|", Doc()) == "||")
    }

    @Test func delimitersInSections() throws {
        let template =
            "[\n{{#on}}\n  {{text}}\n  |text|\n{{/on}}\n\n{{= | | =}}\n|#on|\n  {{text}}\n  |text|\n|/on|\n]\n"
        #expect(
            try render(template, Doc(text: "I got interpolated.", on: true))
                == "[\n  I got interpolated.\n  |text|\n\n  {{text}}\n  I got interpolated.\n]\n")
        let inverted = template.replacingOccurrences(of: "#on", with: "^on")
        #expect(
            try render(inverted, Doc(text: "I got interpolated.", on: false))
                == "[\n  I got interpolated.\n  |text|\n\n  {{text}}\n  I got interpolated.\n]\n")
    }

    @Test func delimitersStayInTheirTemplate() throws {
        let doc = Doc(text: "yes")
        #expect(
            try render("[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n", doc, partials: ["include": ".{{text}}."])
                == "[ .yes. ]\n[ .yes. ]\n")
        #expect(
            try render(
                "[ {{>include}} ]\n[ .{{text}}.  .|text|. ]\n", doc,
                partials: ["include": ".{{text}}. {{= | | =}} .|text|."]) == "[ .yes.  .yes. ]\n[ .yes.  .|text|. ]\n")
    }

    @Test func standaloneDelimiterTags() throws {
        #expect(try render("Begin.\n{{=@ @=}}\nEnd.\n", Doc()) == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{=@ @=}}\nEnd.\n", Doc()) == "Begin.\nEnd.\n")
        #expect(try render("|\r\n{{= @ @ =}}\r\n|", Doc()) == "|\r\n|")
        #expect(try render("  {{=@ @=}}\n=", Doc()) == "=")
        #expect(try render("=\n  {{=@ @=}}", Doc()) == "=\n")
    }
}
