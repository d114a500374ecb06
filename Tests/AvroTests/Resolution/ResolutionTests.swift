import Testing

@testable import Avro

/// Writer/reader pairs covering every rule of the specification's schema resolution: data written as `value`
/// with the writer schema reads as `expected` (both in the Avro JSON encoding) with the reader schema.
@Suite struct ResolutionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var writer: String
        var reader: String
        var value: String
        var expected: String
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "int → long", writer: #""int""#, reader: #""long""#, value: "-7", expected: "-7"),
        Case(rule: "int → float", writer: #""int""#, reader: #""float""#, value: "16777217", expected: "16777216.0"),
        Case(rule: "int → double", writer: #""int""#, reader: #""double""#, value: "3", expected: "3.0"),
        Case(rule: "long → float", writer: #""long""#, reader: #""float""#, value: "2", expected: "2.0"),
        Case(
            rule: "long → double", writer: #""long""#, reader: #""double""#, value: "9007199254740993",
            expected: "9007199254740992.0"),
        Case(rule: "float → double", writer: #""float""#, reader: #""double""#, value: "0.5", expected: "0.5"),
        Case(rule: "string → bytes", writer: #""string""#, reader: #""bytes""#, value: #""é""#, expected: #""Ã©""#),
        Case(rule: "bytes → string", writer: #""bytes""#, reader: #""string""#, value: #""Ã©""#, expected: #""é""#),
        Case(
            rule: "promotion inside arrays", writer: #"{"type": "array", "items": "int"}"#,
            reader: #"{"type": "array", "items": "double"}"#, value: "[1, 2]", expected: "[1.0,2.0]"),
        Case(
            rule: "promotion inside maps", writer: #"{"type": "map", "values": "long"}"#,
            reader: #"{"type": "map", "values": "float"}"#, value: #"{"a": 1}"#, expected: #"{"a":1.0}"#),
        Case(
            rule: "fields by name, in another order; writer-only field skipped; reader-only field defaulted",
            writer:
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "gone", "type": {"type": "array", "items": "string"}}, {"name": "b", "type": "string"}]}"#,
            reader:
                #"{"type": "record", "name": "R", "fields": [{"name": "b", "type": "string"}, {"name": "new", "type": ["null", "long"], "default": null}, {"name": "a", "type": "long"}, {"name": "n", "type": "int", "default": 42}]}"#,
            value: #"{"a": 1, "gone": ["x", "y"], "b": "hi"}"#, expected: #"{"b":"hi","new":null,"a":1,"n":42}"#),
        Case(
            rule: "reader field aliases",
            writer: #"{"type": "record", "name": "R", "fields": [{"name": "old_name", "type": "int"}]}"#,
            reader:
                #"{"type": "record", "name": "R", "fields": [{"name": "newName", "aliases": ["old_name"], "type": "int"}]}"#,
            value: #"{"old_name": 5}"#, expected: #"{"newName":5}"#),
        Case(
            rule: "record default of a record",
            writer: #"{"type": "record", "name": "R", "fields": []}"#,
            reader:
                #"{"type": "record", "name": "R", "fields": [{"name": "p", "type": {"type": "record", "name": "P", "fields": [{"name": "x", "type": "int"}, {"name": "y", "type": "int", "default": 2}]}, "default": {"x": 1}}]}"#,
            value: "{}", expected: #"{"p":{"x":1,"y":2}}"#),
        Case(
            rule: "enum symbols by name",
            writer: #"{"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}"#,
            reader: #"{"type": "enum", "name": "E", "symbols": ["C", "B", "A"]}"#, value: #""A""#, expected: #""A""#),
        Case(
            rule: "unknown enum symbol takes the reader's default",
            writer: #"{"type": "enum", "name": "E", "symbols": ["A", "NEW"]}"#,
            reader: #"{"type": "enum", "name": "E", "symbols": ["A", "UNKNOWN"], "default": "UNKNOWN"}"#,
            value: #""NEW""#, expected: #""UNKNOWN""#),
        Case(
            rule: "writer union to non-union reader", writer: #"["null", "int"]"#, reader: #""long""#,
            value: #"{"int": 3}"#, expected: "3"),
        Case(
            rule: "writer union to reader union (branches matched by type)", writer: #"["null", "string", "int"]"#,
            reader: #"["int", "string", "null"]"#, value: #"{"string": "s"}"#, expected: #"{"string":"s"}"#),
        Case(
            rule: "non-union writer picks the first matching reader branch", writer: #""int""#,
            reader: #"["null", "string", "int"]"#, value: "4", expected: #"{"int":4}"#),
        Case(
            rule: "exact reader branch before a promotion", writer: #""int""#, reader: #"["long", "int"]"#, value: "4",
            expected: #"{"int":4}"#),
        Case(
            rule: "promotion to a reader branch", writer: #""int""#, reader: #"["null", "double"]"#, value: "4",
            expected: #"{"double":4.0}"#),
        Case(
            rule: "named types match by unqualified name across namespaces",
            writer: #"{"type": "fixed", "name": "a.F", "size": 2}"#,
            reader: #"{"type": "fixed", "name": "b.F", "size": 2}"#,
            value: #""xy""#, expected: #""xy""#),
        Case(
            rule: "named types match by reader alias",
            writer: #"{"type": "record", "name": "old.R", "fields": [{"name": "x", "type": "int"}]}"#,
            reader:
                #"{"type": "record", "name": "New", "namespace": "n", "aliases": ["old.R"], "fields": [{"name": "x", "type": "int"}]}"#,
            value: #"{"x": 1}"#, expected: #"{"x":1}"#),
        Case(
            rule: "recursive records",
            writer:
                #"{"type": "record", "name": "L", "fields": [{"name": "v", "type": "int"}, {"name": "next", "type": ["null", "L"]}]}"#,
            reader:
                #"{"type": "record", "name": "L", "fields": [{"name": "v", "type": "long"}, {"name": "next", "type": ["null", "L"]}]}"#,
            value: #"{"v": 1, "next": {"L": {"v": 2, "next": null}}}"#,
            expected: #"{"v":1,"next":{"L":{"v":2,"next":null}}}"#),
    ]

    @Test(arguments: cases)
    func resolves(testCase: Case) throws {
        let writer = try parse(testCase.writer)
        let reader = try parse(testCase.reader)
        let bytes = try AvroGenericCodec(schema: writer).encode(
            try AvroJSONEncoding.decode(testCase.value, schema: writer))
        let value = try AvroGenericCodec(writer: writer, reader: reader).decode(bytes)
        #expect(try AvroJSONEncoding.encode(value, schema: reader) == testCase.expected)
    }

    @Test(arguments: [
        (#""string""#, #""int""#, ResolutionError.Kind.typeMismatch),
        (#""long""#, #""int""#, .typeMismatch),
        (#""double""#, #""float""#, .typeMismatch),
        (
            #"{"type": "fixed", "name": "F", "size": 2}"#, #"{"type": "fixed", "name": "F", "size": 3}"#,
            .fixedSizeMismatch
        ),
        (#"{"type": "fixed", "name": "F", "size": 2}"#, #"{"type": "fixed", "name": "G", "size": 2}"#, .nameMismatch),
        (
            #"{"type": "record", "name": "R", "fields": []}"#, #"{"type": "record", "name": "S", "fields": []}"#,
            .nameMismatch
        ),
        (
            #"{"type": "record", "name": "R", "fields": []}"#,
            #"{"type": "record", "name": "R", "fields": [{"name": "x", "type": "int"}]}"#,
            .readerFieldMissingDefaultValue
        ),
        (#""string""#, #"["null", "int"]"#, .missingUnionBranch),
        (#"{"type": "array", "items": "string"}"#, #"{"type": "array", "items": "int"}"#, .typeMismatch),
    ])
    func incompatiblePairsFailToCompile(writer: String, reader: String, kind: ResolutionError.Kind) throws {
        let writerSchema = try parse(writer)
        let readerSchema = try parse(reader)
        #expect {
            try AvroGenericCodec(writer: writerSchema, reader: readerSchema)
        } throws: { error in
            (error as? ResolutionError)?.kind == kind
        }
    }

    @Test func failuresOnlySomeDataReachesFailOnThatData() throws {
        let writer = try parse(#"["null", "string", "int"]"#)
        let reader = try parse(#"["null", "int"]"#)
        let codec = try AvroGenericCodec(writer: writer, reader: reader)
        let writerCodec = AvroGenericCodec(schema: writer)
        #expect(
            try codec.decode(try writerCodec.encode(.union(branch: 2, value: .int(1))))
                == .union(branch: 1, value: .int(1)))
        #expect(throws: AvroCodingError.self) {
            try codec.decode(try writerCodec.encode(.union(branch: 1, value: .string("x"))))
        }

        let enumWriter = try parse(#"{"type": "enum", "name": "E", "symbols": ["A", "B"]}"#)
        let enumReader = try parse(#"{"type": "enum", "name": "E", "symbols": ["A"]}"#)
        let enumCodec = try AvroGenericCodec(writer: enumWriter, reader: enumReader)
        #expect(try enumCodec.decode([0]) == .enumeration("A"))
        #expect(throws: AvroCodingError.self) { try enumCodec.decode([2]) }
    }

    @Test func unionBranchesWithEqualShortNamesResolveByFullName() throws {
        let schema = try parse(
            #"[{"type": "record", "name": "a.R", "fields": [{"name": "x", "type": "int"}]}, {"type": "record", "name": "b.R", "fields": [{"name": "y", "type": "string"}]}]"#
        )
        let codec = AvroGenericCodec(schema: schema)
        let value = AvroValue.union(branch: 1, value: .record([.string("in b")]))
        #expect(try codec.decode(try codec.encode(value)) == value)
        #expect(SchemaCompatibility.incompatibilities(reader: schema, writer: schema).isEmpty)
    }

    @Test func bytesThatAreNotUTF8PromoteToStringLeniently() throws {
        // Found by the compatibility property test: the promotion is allowed for any bytes, so it must not fail.
        let codec = try AvroGenericCodec(writer: try parse(#""bytes""#), reader: try parse(#""string""#))
        #expect(try codec.decode([0x04, 0x41, 0xFF]) == .string("A\u{FFFD}"))
        #expect(throws: AvroCodingError.self) {
            try AvroGenericCodec(schema: try parse(#""string""#)).decode([0x04, 0x41, 0xFF])
        }
    }

    @Test func plansAreCompiledOncePerPair() throws {
        let cache = ResolutionPlanCache()
        let writer = try parse(#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"#)
        let reader = try parse(#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"}]}"#)
        let first = try cache.plan(writer: writer, reader: reader)
        let second = try cache.plan(writer: try parse(writer.jsonText), reader: try parse(reader.jsonText))
        #expect(first === second)
        #expect(cache.count == 1)
        // A reader that differs only in a default is another plan.
        let otherReader = try parse(
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"}, {"name": "b", "type": "int", "default": 1}]}"#
        )
        _ = try cache.plan(writer: writer, reader: otherReader)
        #expect(cache.count == 2)
    }
}
