import Testing

@testable import Avro

@Suite struct GenericCodecTests {
    static let schemaText = """
        {"type": "record", "name": "All", "fields": [
          {"name": "n", "type": "null"}, {"name": "b", "type": "boolean"}, {"name": "i", "type": "int"},
          {"name": "l", "type": "long"}, {"name": "f", "type": "float"}, {"name": "d", "type": "double"},
          {"name": "by", "type": "bytes"}, {"name": "s", "type": "string"},
          {"name": "fx", "type": {"type": "fixed", "name": "F", "size": 2}},
          {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A", "B"]}},
          {"name": "a", "type": {"type": "array", "items": "int"}},
          {"name": "m", "type": {"type": "map", "values": "string"}},
          {"name": "u", "type": ["null", "string", "All"]}
        ]}
        """

    static func sample(nested: AvroValue = .union(branch: 0, value: .null)) -> AvroValue {
        .record([
            .null, .boolean(true), .int(-5), .long(1 << 40), .float(.nan), .double(-.infinity), .bytes([0, 255]),
            .string("héllo"), .fixed([1, 2]), .enumeration("B"), .array([.int(1), .int(2)]),
            .map([("k", .string("v")), ("x", .string(""))]), nested,
        ])
    }

    @Test func roundTripsEveryType() throws {
        let schema = try parse(Self.schemaText)
        let codec = AvroGenericCodec(schema: schema)
        let value = Self.sample(nested: .union(branch: 2, value: Self.sample()))
        let bytes = try codec.encode(value)
        #expect(try codec.decode(bytes) == value)
    }

    @Test func reportsThePathOfAMismatch() throws {
        let codec = AvroGenericCodec(schema: try parse(Self.schemaText))
        guard case .record(var fields) = Self.sample() else { return }
        fields[10] = .array([.int(1), .string("x")])
        #expect {
            try codec.encode(.record(fields))
        } throws: { error in
            (error as? AvroCodingError)?.path == "a[1]"
        }
    }

    @Test func rejectsTrailingBytesAndTruncation() throws {
        let codec = AvroGenericCodec(schema: try parse(#""long""#))
        #expect(throws: AvroCodingError.self) { try codec.decode([0x02, 0x00]) }
        #expect(throws: AvroCodingError.self) { try codec.decode([]) }
    }

    @Test func readsNegativeCountBlocksAndSplitBlocks() throws {
        let codec = AvroGenericCodec(schema: try parse(#"{"type": "array", "items": "int"}"#))
        // Block of -2 items with a byte size of 2, then a block of 1 item, then the end.
        #expect(try codec.decode([0x03, 0x04, 0x02, 0x04, 0x02, 0x06, 0x00]) == .array([.int(1), .int(2), .int(3)]))
    }

    @Test func depthIsLimitedForRecursiveSchemas() throws {
        let schema = try parse(#"{"type": "record", "name": "N", "fields": [{"name": "next", "type": ["null", "N"]}]}"#)
        let codec = AvroGenericCodec(schema: schema, limits: AvroDecodingLimits(maxDepth: 10))
        let bytes = Array(repeating: UInt8(0x02), count: 50) + [0x00]
        #expect { try codec.decode(bytes) } throws: { ($0 as? AvroCodingError)?.kind == .tooDeep }
    }
}

@Suite struct AvroValueEqualityTests {
    @Test func mapsCompareWithoutOrderButKeepRepeatedKeys() {
        let map = AvroValue.map([("a", .int(1)), ("b", .int(2))])
        #expect(map == .map([("b", .int(2)), ("a", .int(1))]))
        #expect(map != .map([("a", .int(1)), ("b", .int(3))]))
        // Found by the fuzzer: a map with a repeated key must equal itself.
        let repeated = AvroValue.map([("k", .int(1)), ("k", .int(2))])
        #expect(repeated == repeated)
        #expect(repeated != .map([("k", .int(2)), ("k", .int(1))]))
    }

    @Test func floatingPointComparesBitPatterns() {
        #expect(AvroValue.double(.nan) == .double(.nan))
        #expect(AvroValue.float(0) != .float(-0.0))
    }
}
