import Testing

@testable import Avro

@Suite struct DefaultValueTests {
    private func record(_ type: String, _ defaultValue: String) -> String {
        #"{"type": "record", "name": "R", "fields": [{"name": "f", "type": \#(type), "default": \#(defaultValue)}]}"#
    }

    @Test(arguments: [
        ("\"null\"", "null"),
        ("\"boolean\"", "true"),
        ("\"int\"", "-2147483648"),
        ("\"int\"", "2147483647"),
        ("\"long\"", "9223372036854775807"),
        ("\"long\"", "-9223372036854775808"),
        ("\"float\"", "1.5e3"),
        ("\"double\"", "1"),
        ("\"double\"", "\"NaN\""),
        ("\"string\"", "\"héllo\""),
        ("\"bytes\"", "\"\\u00ff\\u0000ÿ\""),
        (#"{"type": "fixed", "name": "F", "size": 2}"#, "\"\\u00ffa\""),
        (#"{"type": "enum", "name": "E", "symbols": ["A", "B"]}"#, "\"B\""),
        (#"{"type": "array", "items": "int"}"#, "[1, 2]"),
        (#"{"type": "map", "values": "long"}"#, #"{"a": 1}"#),
        (#"["null", "string"]"#, "null"),
        (#"["string", "null"]"#, "null"),
        (#"["null", "string"]"#, "\"x\""),
        (
            #"{"type": "record", "name": "S", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int", "default": 0}]}"#,
            #"{"a": 1}"#
        ),
        (#"{"type": "long", "logicalType": "timestamp-millis"}"#, "0"),
    ])
    func acceptsValidDefaults(type: String, value: String) throws {
        let schema = try parse(record(type, value))
        #expect(schema.record?.fields[0].defaultValue != nil)
    }

    @Test(arguments: [
        ("\"null\"", "0", "expected null"),
        ("\"boolean\"", "\"true\"", "true or false"),
        ("\"int\"", "2147483648", "32-bit"),
        ("\"int\"", "1.0", "32-bit"),
        ("\"long\"", "9223372036854775808", "64-bit"),
        ("\"long\"", "1e3", "64-bit"),
        ("\"float\"", "\"x\"", "expected a number"),
        ("\"string\"", "null", "expected a string"),
        ("\"bytes\"", "\"\\u0100\"", "ISO-8859-1"),
        (#"{"type": "fixed", "name": "F", "size": 2}"#, "\"abc\"", "expected 2 bytes"),
        (#"{"type": "enum", "name": "E", "symbols": ["A"]}"#, "\"Z\"", "not a symbol"),
        (#"{"type": "array", "items": "int"}"#, "[1, \"x\"]", "element 1"),
        (#"{"type": "map", "values": "long"}"#, "[]", "expected an object"),
        (#"["null", "string"]"#, "42", "matches no branch"),
        (
            #"{"type": "record", "name": "S", "fields": [{"name": "a", "type": "int"}]}"#, "{}",
            "missing and has no default"
        ),
    ])
    func rejectsInvalidDefaults(type: String, value: String, reason: String) {
        guard let error = parseError(record(type, value)) else { return }
        #expect(error.rule == .invalidDefault)
        #expect(error.location.path.description == "fields[0].default")
        #expect(error.message.contains(reason), "\(error.message)")
    }

    @Test func longDefaultsStayExact() throws {
        let schema = try parse(record("\"long\"", "9223372036854775807"))
        #expect(schema.record?.fields[0].defaultValue?.numberValue?.int64Value == Int64.max)
    }

    @Test func defaultsMayHoldRecursiveRecords() throws {
        let text = """
            {"type": "record", "name": "Node", "fields": [
              {"name": "value", "type": "int"},
              {"name": "next", "type": ["null", "Node"], "default": null},
              {"name": "first", "type": {"type": "array", "items": "Node"}, "default": [{"value": 1, "next": {"value": 2}}]}
            ]}
            """
        #expect(try parse(text).record?.fields.count == 3)
    }
}
