import Testing

@testable import Avro

@Suite struct AvroBinaryTests {
    @Test(arguments: [
        (Int64(0), [UInt8(0x00)]), (Int64(-1), [UInt8(0x01)]), (Int64(1), [UInt8(0x02)]), (Int64(-64), [UInt8(0x7F)]),
        (Int64(64), [UInt8(0x80), 0x01]),
        (Int64.max, [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        (Int64.min, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ])
    func longsAreZigZagVarints(value: Int64, bytes: [UInt8]) throws {
        var writer = AvroBinaryWriter()
        writer.writeLong(value)
        #expect(writer.bytes == bytes)
        let decoded = try AvroBinaryReader.withReader(bytes) {
            (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            try reader.readLong()
        }
        #expect(decoded == value)
    }

    @Test func intsAndFloatingPoint() throws {
        var writer = AvroBinaryWriter()
        writer.writeInt(Int32.min)
        writer.writeFloat(1.5)
        writer.writeDouble(-0.25)
        writer.writeString("é")
        writer.writeBytes([1, 2])
        #expect(
            writer.bytes == [
                0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0, 0, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0, 0xD0, 0xBF, 4, 0xC3, 0xA9, 4, 1, 2,
            ])
        try AvroBinaryReader.withReader(writer.bytes) { (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            #expect(try reader.readInt() == Int32.min)
            #expect(try reader.readFloat() == 1.5)
            #expect(try reader.readDouble() == -0.25)
            #expect(try reader.readString() == "é")
            #expect(try reader.readBytes() == [1, 2])
            #expect(reader.isAtEnd)
        }
    }

    private func readError(_ bytes: [UInt8], _ read: (inout AvroBinaryReader) throws -> Void) -> AvroCodingError? {
        bytes.withUnsafeBytes { buffer in
            var reader = AvroBinaryReader(
                buffer, limits: AvroDecodingLimits(maxBytesLength: 100, maxCollectionItems: 5))
            do {
                try read(&reader)
                return nil
            } catch {
                return error as? AvroCodingError
            }
        }
    }

    @Test func rejectsBadInputWithoutTrapping() {
        #expect(readError([0x80]) { _ = try $0.readLong() }?.kind == .truncated)
        #expect(readError(Array(repeating: 0xFF, count: 11)) { _ = try $0.readLong() }?.kind == .invalidVarint)
        #expect(
            readError([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02]) { _ = try $0.readLong() }?.kind
                == .invalidVarint)
        #expect(readError([0x80, 0x80, 0x80, 0x80, 0x10]) { _ = try $0.readInt() }?.kind == .invalidVarint)
        #expect(readError([0x01]) { _ = try $0.readBytes() }?.kind == .invalidLength)
        #expect(readError([0x0A, 1]) { _ = try $0.readBytes() }?.kind == .truncated)
        #expect(
            readError([0xCA, 0x01] + Array(repeating: 0, count: 101)) { _ = try $0.readBytes() }?.kind == .invalidLength
        )
        #expect(readError([0x02, 0xFF]) { _ = try $0.readString() }?.kind == .invalidUTF8)
        #expect(readError([0x02]) { _ = try $0.readBoolean() }?.kind == .schemaMismatch)
        #expect(readError([0x0C]) { _ = try $0.readBlockCount(itemsSoFar: 0) }?.kind == .invalidLength)
        #expect(readError([1, 2, 3]) { _ = try $0.readDouble() }?.kind == .truncated)
    }
}
