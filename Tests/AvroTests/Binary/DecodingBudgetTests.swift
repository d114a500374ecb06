import Testing

@testable import Avro

/// The item budget of one decode call (issue 12): nested collections of zero-byte items cannot multiply past
/// ``AvroDecodingLimits/maxTotalItems``, whichever decoder reads them.
@Suite struct DecodingBudgetTests {
    static let limits = AvroDecodingLimits(maxCollectionItems: 100, maxTotalItems: 1_000)

    /// An array of `outer` arrays of `inner` nulls: 2 + 3 bytes per inner array, far more values.
    static func nestedNulls(outer: Int, inner: Int) -> [UInt8] {
        var writer = AvroBinaryWriter()
        writer.writeBlockCount(outer)
        for _ in 0..<outer {
            writer.writeBlockCount(inner)
            writer.writeBlockCount(0)
        }
        writer.writeBlockCount(0)
        return writer.bytes
    }

    static let nested = try! Schema(parsing: #"{"type": "array", "items": {"type": "array", "items": "null"}}"#)

    @Test func theDefaultBudgetIsDocumented() {
        #expect(AvroDecodingLimits.default.maxTotalItems == 10_000_000)
    }

    @Test func theGenericDecoderStopsAtTheBudget() throws {
        let codec = AvroGenericCodec(schema: Self.nested, limits: Self.limits)
        // 100 × 100 items: each collection is within its own limit, together they are ten times the budget.
        let error = #expect(throws: AvroCodingError.self) {
            try codec.decode(Self.nestedNulls(outer: 100, inner: 100))
        }
        #expect(error?.kind == .invalidLength)
        #expect(error?.message.contains("in one datum") == true)
        // Within the budget the same shape decodes.
        let value = try codec.decode(Self.nestedNulls(outer: 9, inner: 100))
        guard case .array(let arrays) = value else {
            Issue.record("not an array")
            return
        }
        #expect(arrays.count == 9)
    }

    @Test func resolutionAndSkippingChargeTheBudget() throws {
        let writer = try Schema(
            parsing: #"""
                {"type": "record", "name": "R", "fields": [
                    {"name": "dropped", "type": {"type": "array", "items": {"type": "array", "items": "null"}}},
                    {"name": "kept", "type": "int"}]}
                """#)
        let reader = try Schema(
            parsing: #"{"type": "record", "name": "R", "fields": [{"name": "kept", "type": "long"}]}"#)
        let codec = try AvroGenericCodec(writer: writer, reader: reader, limits: Self.limits)
        let error = #expect(throws: AvroCodingError.self) {
            try codec.decode(Self.nestedNulls(outer: 100, inner: 100) + [0x02])
        }
        #expect(error?.message.contains("in one datum") == true)
        #expect(try codec.decode(Self.nestedNulls(outer: 2, inner: 3) + [0x02]) == .record([.long(1)]))
    }

    @Test func generatedModelHelpersChargeTheBudget() throws {
        let bytes = Self.nestedNulls(outer: 100, inner: 100)
        let error = #expect(throws: AvroCodingError.self) {
            try AvroBinaryReader.withReader(bytes, limits: Self.limits) {
                (reader: inout AvroBinaryReader) throws(AvroCodingError) in
                try reader.readArray { (reader: inout AvroBinaryReader) throws(AvroCodingError) in
                    try reader.readArray { (_: inout AvroBinaryReader) throws(AvroCodingError) in AvroNull() }
                }
            }
        }
        #expect(error?.message.contains("in one datum") == true)
    }

    @Test func eachDecodeCallHasItsOwnBudget() throws {
        let codec = AvroGenericCodec(schema: Self.nested, limits: Self.limits)
        for _ in 0..<5 { _ = try codec.decode(Self.nestedNulls(outer: 9, inner: 100)) }
    }
}
