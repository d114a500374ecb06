import Testing

@testable import Avro

@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func recordsThePositionOfEveryValue() throws {
        let value = try parser.parse("{\n  \"a\": [1, 2.5e3, true],\n  \"b\": null\n}")
        let object = try #require(value.objectValue)
        #expect(object.keys == ["a", "b"])
        #expect(value.position == SourcePosition(line: 1, column: 1))
        #expect(object["a"]?.position == SourcePosition(line: 2, column: 8))
        #expect(object["a"]?.arrayValue?[2].position == SourcePosition(line: 2, column: 19))
        #expect(object["b"]?.position == SourcePosition(line: 3, column: 8))
        #expect(object.member("b")?.keyPosition == SourcePosition(line: 3, column: 3))
    }

    @Test func countsColumnsInUnicodeScalars() throws {
        let value = try parser.parse("{\"é€😀\": 1}")
        #expect(value.objectValue?["é€😀"]?.position == SourcePosition(line: 1, column: 9))
    }

    @Test func keepsNumbersExact() throws {
        let value = try parser.parse("[9223372036854775807, -0, 1.50, 1e400]")
        let numbers = try #require(value.arrayValue).compactMap(\.numberValue)
        #expect(numbers.map(\.text) == ["9223372036854775807", "-0", "1.50", "1e400"])
        #expect(numbers[0].int64Value == Int64.max)
        #expect(numbers[0].isInteger && !numbers[2].isInteger)
    }

    @Test func decodesEscapes() throws {
        let value = try parser.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#)
        #expect(value.stringValue == "a\"b\\c/d\u{08}\u{0C}\n\r\té😀")
    }

    @Test func writesWhatItReads() throws {
        let text = #"{"a":[1,true,null,"x\"\n\u0001"],"b":{}}"#
        #expect(JSONWriter.string(try parser.parse(text)) == text)
    }

    @Test(arguments: [
        ("", "1:1", "empty"),
        ("{\"a\":1,}", "1:8", "trailing ','"),
        ("[1,]", "1:4", "trailing ','"),
        ("{\"a\":1}}", "1:8", "after the end"),
        ("// comment\n{}", "1:1", "comments are not allowed"),
        ("{\"a\":1,\n \"a\":2}", "2:2", "duplicate member"),
        ("\"line\nbreak\"", "1:6", "control character"),
        ("01", "1:2", "leading zero"),
        ("[1.]", "1:4", "digit after '.'"),
        ("\"\\x\"", "1:3", "invalid escape"),
        ("\"\\ud800\"", "1:2", "surrogate"),
        ("tru", "1:1", "invalid literal"),
        ("{'a':1}", "1:2", "member name in double quotes"),
        ("[1 2]", "1:4", "expected ',' or ']'"),
        ("\"abc", "1:1", "unterminated"),
    ])
    func rejectsInvalidJSON(text: String, position: String, message: String) {
        #expect {
            try parser.parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.position.description == position && error.message.contains(message)
        }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONSyntaxError.self) { try parser.parse(deep) }
        #expect(throws: Never.self) { try JSONParser(maxDepth: 1000).parse(deep) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try parser.parse(bytes: [0x22, 0xFF, 0x22]) }
    }

    @Test func readsUTF16WithoutByteOrderMark() throws {
        let text = #"{"type": "int"}"#
        let bigEndian = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let littleEndian = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try parser.parse(bytes: bigEndian).objectValue?["type"]?.stringValue == "int")
        #expect(try parser.parse(bytes: littleEndian).objectValue?["type"]?.stringValue == "int")
    }

    @Test func pathsPrintDottedAndAsPointers() {
        let path = JSONPath.root.appending("fields").appending(2).appending("type").appending("a/b~c")
        #expect(path.description == "fields[2].type.a/b~c")
        #expect(path.jsonPointer == "/fields/2/type/a~1b~0c")
        #expect(JSONPath.root.description == "$")
    }
}
