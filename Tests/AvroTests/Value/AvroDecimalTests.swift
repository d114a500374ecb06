import Testing

@testable import Avro

@Suite struct AvroDecimalTests {
    @Test(arguments: [
        ("0", 0, [UInt8(0)]), ("1", 0, [1]), ("-1", 0, [0xFF]), ("127", 0, [0x7F]), ("128", 0, [0x00, 0x80]),
        ("-128", 0, [0x80]), ("-129", 0, [0xFF, 0x7F]), ("1774.91", 2, [0x02, 0xB5, 0x53]), ("-0.01", 2, [0xFF]),
        ("12.5", 2, [0x04, 0xE2]),
    ])
    func encodesMinimalTwosComplement(text: String, scale: Int, bytes: [UInt8]) throws {
        let decimal = try #require(AvroDecimal(text, scale: scale))
        #expect(decimal.unscaledBytes == bytes)
    }

    @Test func printsExactlyAndRoundTripsHugeValues() throws {
        let text = "-123456789012345678901234567890.123456789"
        let decimal = try #require(AvroDecimal(text, scale: 9))
        #expect(decimal.description == text)
        #expect(AvroDecimal("12.5", scale: 2)?.description == "12.50")
        #expect(AvroDecimal("-0.01", scale: 2)?.description == "-0.01")
        #expect(AvroDecimal("0", scale: 3)?.description == "0.000")
    }

    @Test func acceptsNonMinimalEncodingsAndNormalises() {
        #expect(
            AvroDecimal(unscaledBytes: [0x00, 0x00, 0x7F], scale: 0) == AvroDecimal(unscaledBytes: [0x7F], scale: 0))
        #expect(AvroDecimal(unscaledBytes: [0xFF, 0xFF, 0x80], scale: 1).description == "-12.8")
        #expect(AvroDecimal(unscaledBytes: [], scale: 0).description == "0")
    }

    @Test func rejectsTextItCannotHoldExactly() {
        #expect(AvroDecimal("1.234", scale: 2) == nil)
        #expect(AvroDecimal("1e3", scale: 0) == nil)
        #expect(AvroDecimal("", scale: 0) == nil)
        #expect(AvroDecimal("-", scale: 0) == nil)
    }

    @Test func signExtendsForFixed() {
        #expect(AvroDecimal("-1", scale: 0)?.fixedBytes(size: 4) == [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(AvroDecimal("256", scale: 0)?.fixedBytes(size: 1) == nil)
    }
}
