import Testing

@testable import Avro

@Suite struct AvroJSONEncodingTests {
    @Test func writesTheSpecificationsForm() throws {
        let schema = try parse(
            #"{"type": "record", "name": "R", "namespace": "n", "fields": [{"name": "u", "type": ["null", "string", {"type": "fixed", "name": "F", "size": 2}]}, {"name": "b", "type": "bytes"}, {"name": "d", "type": "double"}, {"name": "f", "type": "float"}]}"#
        )
        let value = AvroValue.record([
            .union(branch: 2, value: .fixed([0, 255])), .bytes([0x41, 0xE9]), .double(.infinity), .float(.nan),
        ])
        let text = try AvroJSONEncoding.encode(value, schema: schema)
        #expect(text == #"{"u":{"n.F":"\u0000ÿ"},"b":"Aé","d":"Infinity","f":"NaN"}"#)
        #expect(try AvroJSONEncoding.decode(text, schema: schema) == value)
    }

    @Test func missingFieldsTakeTheirDefaultsAndUnknownFieldsAreErrors() throws {
        let schema = try parse(
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "default": 3}]}"#)
        #expect(try AvroJSONEncoding.decode("{}", schema: schema) == .record([.int(3)]))
        #expect(throws: AvroCodingError.self) { try AvroJSONEncoding.decode(#"{"z": 1}"#, schema: schema) }
    }

    @Test(arguments: [
        (#"{"a": [1, "x"]}"#, "a[1]"),
        (#"{"a": [1], "m": {"k": {"int": true}}}"#, "m[\"k\"].int"),
    ])
    func errorsNameThePathInsideTheValue(json: String, path: String) throws {
        let schema = try parse(
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "array", "items": "int"}}, {"name": "m", "type": {"type": "map", "values": ["null", "int"]}, "default": {}}]}"#
        )
        #expect {
            try AvroJSONEncoding.decode(json, schema: schema)
        } throws: { error in
            (error as? AvroCodingError)?.path == path
        }
    }
}
