import Foundation
import Testing

@testable import Avro

@Suite struct LogicalTypeCodingTests {
    @Test func uuidsAreWrittenLowercaseAndReadInEitherCase() throws {
        let uuid = try #require(UUID(uuidString: "6F1C2A9E-3B7D-4E8A-9C21-5D4F0A8B7E36"))
        var writer = AvroBinaryWriter()
        writer.writeUUID(uuid)
        #expect(writer.bytes == [72] + Array("6f1c2a9e-3b7d-4e8a-9c21-5d4f0a8b7e36".utf8))
        var upper = AvroBinaryWriter()
        upper.writeString(uuid.uuidString)
        for bytes in [writer.bytes, upper.bytes] {
            let read = try AvroBinaryReader.withReader(bytes) {
                (reader: inout AvroBinaryReader) throws(AvroCodingError) in
                try reader.readUUID()
            }
            #expect(read == uuid)
        }
    }

    @Test(arguments: ["6f1c2a9e3b7d4e8a9c215d4f0a8b7e36", "6f1c2a9e-3b7d-4e8a-9c21-5d4f0a8b7e3g", "", "not a uuid"])
    func textThatIsNotAUUIDIsAnError(text: String) {
        var writer = AvroBinaryWriter()
        writer.writeString(text)
        #expect(throws: AvroCodingError.self) {
            try AvroBinaryReader.withReader(writer.bytes) { (reader: inout AvroBinaryReader) throws(AvroCodingError) in
                try reader.readUUID()
            }
        }
    }

    @Test func decimalsAreWrittenAtTheSchemaScale() throws {
        var writer = AvroBinaryWriter()
        try writer.writeDecimal(try #require(AvroDecimal("1.5", scale: 1)), scale: 2)
        #expect(writer.bytes == [4, 0x00, 0x96])  // 150, with a sign byte
        #expect(throws: AvroCodingError.self) { try writer.writeDecimal(AvroDecimal("1.55", scale: 2)!, scale: 1) }
        #expect(throws: AvroCodingError.self) {
            try writer.writeDecimal(AvroDecimal("1000", scale: 0)!, scale: 0, fixedSize: 1)
        }
    }

    @Test func bigDecimalsCarryTheirScale() throws {
        let value = try #require(AvroDecimal("-123.456", scale: 3))
        var writer = AvroBinaryWriter()
        writer.writeBigDecimal(value)
        let read = try AvroBinaryReader.withReader(writer.bytes) {
            (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            try reader.readBigDecimal()
        }
        #expect(read == value)
    }
}
