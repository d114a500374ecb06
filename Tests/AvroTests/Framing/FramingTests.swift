import Testing

@testable import Avro

@Suite struct FramingTests {
    @Test func singleObjectEncodingCarriesTheRabinFingerprint() throws {
        let schema = try parse(#""int""#)
        let framed = SingleObjectEncoding.frame([0x02], schema: schema)
        #expect(framed == [0xC3, 0x01, 0x8F, 0x5C, 0x39, 0x3F, 0x1A, 0xD5, 0x75, 0x72, 0x02])
        let (fingerprint, datum) = try SingleObjectEncoding.unframe(framed)
        #expect(SchemaStore([schema]).schema(fingerprint: fingerprint) != nil)
        #expect(Array(datum) == [0x02])
    }

    @Test func confluentWireFormatCarriesABigEndianID() throws {
        let framed = ConfluentWireFormat.frame([0x02], schemaID: 258)
        #expect(framed == [0, 0, 0, 1, 2, 2])
        let (id, datum) = try ConfluentWireFormat.unframe(framed)
        #expect(id == 258 && Array(datum) == [2])
    }

    @Test func badFramesAreTypedErrors() {
        #expect(throws: FramingError.wrongMagic(expected: [0xC3, 0x01], found: [0xC3, 0x02])) {
            try SingleObjectEncoding.unframe([0xC3, 0x02, 0, 0, 0, 0, 0, 0, 0, 0])
        }
        #expect(throws: FramingError.truncated(needed: 10, found: 5)) {
            try SingleObjectEncoding.unframe([0xC3, 0x01, 0, 0, 0])
        }
        #expect(throws: FramingError.truncated(needed: 10, found: 1)) { try SingleObjectEncoding.unframe([0xC3]) }
        #expect(throws: FramingError.wrongMagic(expected: [0], found: [1])) {
            try ConfluentWireFormat.unframe([1, 0, 0, 0, 1])
        }
        #expect(throws: FramingError.truncated(needed: 5, found: 3)) { try ConfluentWireFormat.unframe([0, 0, 0]) }
        #expect(throws: FramingError.wrongMagic(expected: [0], found: [])) { try ConfluentWireFormat.unframe([]) }
    }
}
