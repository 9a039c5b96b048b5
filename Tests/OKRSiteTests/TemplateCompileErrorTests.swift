import OKRCore
import Testing

@testable import OKRSite

// Where okrportal's templates are stricter than Mustache: every name is checked against the view when
// the theme loads, and a problem is an error at the tag's path:line:col — never empty text.
@Suite struct TemplateCompileErrorTests {
    @Test func anUnknownFieldIsAnErrorWithTheFieldsAndASuggestion() throws {
        let errors = templateErrors("<h1>\n  {{titel}}</h1>", Item.self)
        #expect(errors.count == 1)
        let e = try #require(errors.first)
        #expect(e.location == SourceLocation(path: "main.mustache", line: 2, column: 3))
        #expect(e.message.contains("Item has no field \"titel\""))
        #expect(e.message.contains("its fields: name, on"))
        let suggestion = templateErrors("{{nmae}}", Item.self).first?.message ?? ""
        #expect(suggestion.contains("did you mean \"name\"?"))
    }

    @Test func aFieldOfAnOuterViewIsFoundButAMissingOneIsNot() throws {
        #expect(try render("{{#item}}{{number}}{{/item}}", Doc(number: 4, item: Item())) == "4")
        let e = try #require(templateErrors("{{#item}}{{nmber}}{{/item}}", Doc.self).first)
        #expect(e.message.contains("Item has no field \"nmber\" (did you mean \"number\"?)"))
        #expect(e.message.contains("also visible: the fields of Doc"))
        #expect(e.location.column == 10)
    }

    @Test func everyProblemOfATemplateIsReported() {
        let errors = templateErrors("{{a}}\n{{b}}\n{{#c}}{{/c}}", Item.self)
        #expect(errors.map(\.location.line) == [1, 2, 3])
    }

    @Test func dottedNamesAreCheckedPartByPart() throws {
        let e = try #require(templateErrors("{{item.nmae}}", Doc.self).first)
        #expect(e.message.contains("Item has no field \"nmae\""))
        #expect(e.message.contains("did you mean \"name\"?"))
        let list = try #require(templateErrors("{{list.name}}", Doc.self).first)
        #expect(list.message.contains("list of Item"))
    }

    @Test func textNeverGoesOutUnescapedAndMarkupNeverAsText() throws {
        let triple = try #require(templateErrors("{{{text}}}", Doc.self).first)
        #expect(triple.message.contains("is text"))
        #expect(triple.message.contains("write {{text}}"))
        #expect(templateErrors("{{&text}}", Doc.self).count == 1)
        let escaped = try #require(templateErrors("{{html}}", Doc.self).first)
        #expect(escaped.message.contains("write {{{html}}}"))
    }

    @Test func flagsListsAndViewsAreSectionsNotValues() throws {
        for name in ["on", "list", "item", "nested"] {
            let e = try #require(templateErrors("{{\(name)}}", Doc.self).first)
            #expect(e.message.contains("{{#\(name)}}"))
        }
    }

    @Test func implicitIteratorNeedsTexts() throws {
        let e = try #require(templateErrors("{{#list}}{{.}}{{/list}}", Doc.self).first)
        #expect(e.message.contains("here it is a Item"))
    }

    @Test func firstAndLastNeedAList() throws {
        let e = try #require(templateErrors("{{#item}}{{#first()}}x{{/first()}}{{/item}}", Doc.self).first)
        #expect(e.message.contains("only inside a section over a list"))
    }

    @Test func uiStringsMustExist() throws {
        let e = try #require(templateErrors("{{t.helo}}", Doc.self, strings: ["hello": "Hi"]).first)
        #expect(e.message.contains("no UI string \"helo\""))
        #expect(e.message.contains("did you mean \"hello\"?"))
    }

    @Test func partialsMustExistAndMustNotRecurse() throws {
        let missing = try #require(
            templateErrors("{{> partials/staus}}", Doc.self, partials: ["partials/status": ""]).first)
        #expect(missing.message.contains("no template \"partials/staus.mustache\" (did you mean \"partials/status\"?)"))
        let recursion = try #require(
            templateErrors("{{> a}}", Doc.self, partials: ["a": "x{{> b}}", "b": "\n{{> a}}"]).first)
        #expect(recursion.location == SourceLocation(path: "b.mustache", line: 2, column: 1))
        #expect(recursion.message.contains("\"a\" includes itself (\"main\" → \"a\" → \"b\" → \"a\")"))
    }

    @Test func problemsInsideAPartialPointIntoThePartial() throws {
        let e = try #require(templateErrors("x\n  {{> p}}\n", Item.self, partials: ["p": "ok\n {{nope}}"]).first)
        #expect(e.location == SourceLocation(path: "p.mustache", line: 2, column: 2))
    }

    @Test func syntaxErrorsHaveTheirPlace() throws {
        let unclosed = try #require(templateErrors("a\n  {{#on}}\nb", Doc.self).first)
        #expect(unclosed.location == SourceLocation(path: "main.mustache", line: 2, column: 3))
        #expect(unclosed.message.contains("{{#on}} is never closed"))
        let mismatch = try #require(templateErrors("{{#on}}\n{{/of}}", Doc.self).first)
        #expect(mismatch.location.line == 2)
        #expect(mismatch.message.contains("{{/of}} does not close {{#on}} opened at line 1, column 1"))
        let stray = try #require(templateErrors("{{/on}}", Doc.self).first)
        #expect(stray.message.contains("never opened"))
        let tag = try #require(templateErrors("ab {{text", Doc.self).first)
        #expect(tag.location.column == 4)
        #expect(tag.message.contains("never closed"))
        let empty = try #require(templateErrors("{{ }}", Doc.self).first)
        #expect(empty.message.contains("no name"))
        let delimiters = try #require(templateErrors("{{=<% %>}}", Doc.self).first)
        #expect(delimiters.message.contains("delimiter"))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let e = try #require(templateErrors("Größe: {{nope}}", Item.self).first)
        #expect(e.location.column == 8)
    }

    @Test func themesWrittenForSwiftMustacheKeepTheirContentTypePragma() throws {
        #expect(try render("{{% CONTENT_TYPE: OKRHTML }}<p>{{name}}</p>", Item(name: "<b>")) == "<p>&lt;b&gt;</p>")
        let e = try #require(templateErrors("{{% ANCHORED-CSS }}x", Item.self).first)
        #expect(e.message.contains("unknown pragma"))
    }
}
