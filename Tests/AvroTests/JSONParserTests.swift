import Testing

@testable import Avro

@Suite struct JSONParserTests {
    @Test func parsesNestedValuesWithPositions() throws {
        let value = try JSONParser().parse("{\n  \"a\": [1, 2.5e3, true],\n  \"b\": null\n}")
        let object = try #require(value.objectValue)
        #expect(object.keys == ["a", "b"])
        #expect(object["a"]?.position == SourcePosition(line: 2, column: 8))
        #expect(object["b"]?.position == SourcePosition(line: 3, column: 8))
        #expect(object["a"]?.arrayValue?[1].numberValue?.text == "2.5e3")
    }
}
