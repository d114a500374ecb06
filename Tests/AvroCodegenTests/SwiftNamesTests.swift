import Avro
import Testing

@testable import AvroCodegen

/// How Avro names become Swift names: enum cases and union cases in lowerCamelCase, collisions and keywords.
@Suite struct SwiftNamesTests {
    @Test(arguments: [
        ("PENDING", "pending"), ("IN_PROGRESS", "inProgress"), ("OrderPlaced", "orderPlaced"),
        ("HTTPError", "httpError"), ("URL", "url"), ("v2_beta", "v2Beta"), ("HTTP2_PROTOCOL", "http2Protocol"),
        ("already_snake", "alreadySnake"), ("camelCase", "camelCase"), ("_LEADING", "leading"), ("A", "a"),
    ])
    func lowerCamelCaseReadsTheWordsOfAName(name: String, expected: String) {
        #expect(SwiftNames.lowerCamelCase(name) == expected)
    }

    @Test func namesWithoutALetterFirstHaveNoCamelCase() {
        #expect(SwiftNames.lowerCamelCase("_1") == nil)
        #expect(SwiftNames.lowerCamelCase("__") == nil)
    }

    @Test func enumCasesAreLowerCamelCaseWithKeywordsEscaped() {
        #expect(
            SwiftNames.enumCases(["UNKNOWN", "IN_STOCK", "DEFAULT", "SELF"], keepSymbols: false)
                == ["unknown", "inStock", "`default`", "self_"])
        #expect(SwiftNames.enumCases(["UNKNOWN", "IN_STOCK"], keepSymbols: true) == ["UNKNOWN", "IN_STOCK"])
    }

    @Test func collidingSymbolsKeepTheirSpelling() {
        // FOO and foo both read as `foo`: each keeps its symbol; the others are still converted.
        #expect(SwiftNames.enumCases(["FOO", "foo", "BAR_BAZ"], keepSymbols: false) == ["FOO", "foo", "barBaz"])
        // `fooBar` collides with FOO_BAR's camel case and `FOO_BAR` then with nothing: both kept.
        #expect(SwiftNames.enumCases(["fooBar", "FOO_BAR"], keepSymbols: false) == ["fooBar", "FOO_BAR"])
        // `_1` has no camel case and keeps its spelling.
        #expect(SwiftNames.enumCases(["_1", "TWO"], keepSymbols: false) == ["_1", "two"])
    }

    @Test func generatedEnumsKeepTheSymbolsOnTheWire() throws {
        let schema = #"{"type": "enum", "name": "Status", "symbols": ["IN_STOCK", "SOLD_OUT"], "default": "IN_STOCK"}"#
        let set = try SchemaSet(sources: [("status.avsc", Array(schema.utf8))])
        let camel = try #require(try SwiftModelGenerator().generate(set).first).source
        #expect(camel.contains(#"case inStock = "IN_STOCK""#))
        #expect(camel.contains("case 1: self = .soldOut") || camel.contains("default: self = .soldOut"))
        var options = GeneratorOptions()
        options.enumCases = .symbols
        let kept = try #require(try SwiftModelGenerator(options: options).generate(set).first).source
        #expect(kept.contains("    case IN_STOCK\n"))
    }

    @Test func theConfigurationChoosesTheCaseStyle() throws {
        let options = try GeneratorOptions(json: Array(#"{"enumCases": "symbols"}"#.utf8), file: "swift-avro.json")
        #expect(options.enumCases == .symbols)
        #expect(GeneratorOptions().enumCases == .lowerCamelCase)
        #expect(throws: GeneratorOptions.Error.self) {
            try GeneratorOptions(json: Array(#"{"enumCases": "SCREAMING"}"#.utf8), file: "swift-avro.json")
        }
    }
}
