import Foundation
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

@Suite struct AvroDecimalStorageTests {
    @Test(arguments: [
        [UInt8](repeating: 0xFF, count: 8), [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        [0x80, 0, 0, 0, 0, 0, 0, 0], [0x00, 0x80, 0, 0, 0, 0, 0, 0, 0], [0xFF, 0x7F, 0, 0, 0, 0, 0, 0, 0],
        [0x00, 0x00, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], [0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [0xFF, 0xFF, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0],
    ])
    func inlineAndLargeValuesAgreeWithTheTextForm(bytes: [UInt8]) throws {
        // Parsing the printed text gives the same number whichever storage the bytes chose.
        let decimal = AvroDecimal(unscaledBytes: bytes, scale: 3)
        let reparsed = try #require(AvroDecimal(decimal.description, scale: 3))
        #expect(decimal == reparsed && decimal.hashValue == reparsed.hashValue)
        #expect(decimal.unscaledBytes == reparsed.unscaledBytes)
        #expect(decimal.withUnscaledBytes { Array($0) } == decimal.unscaledBytes)
        #expect(AvroDecimal(unscaledBytes: decimal.unscaledBytes, scale: 3) == decimal)
    }

    @Test func rescalesOnlyExactly() throws {
        let value = try #require(AvroDecimal("12.50", scale: 2))
        #expect(value.rescaled(to: 4)?.description == "12.5000")
        #expect(value.rescaled(to: 1)?.description == "12.5")
        #expect(value.rescaled(to: 0) == nil)
        #expect(AvroDecimal("-0.10", scale: 2)?.rescaled(to: 1)?.description == "-0.1")
    }

    @Test func bridgesToFoundationDecimalOnlyWhenExact() throws {
        #expect(AvroDecimal("-12.34", scale: 2)?.decimalValue?.description == "-12.34")
        let huge = try #require(AvroDecimal(String(repeating: "9", count: 40), scale: 0))
        #expect(huge.decimalValue == nil)
        #expect(AvroDecimal(try #require(Decimal(string: "1.5")), scale: 2)?.description == "1.50")
        #expect(AvroDecimal(try #require(Decimal(string: "1.555")), scale: 2) == nil)
    }
}
