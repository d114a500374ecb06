import Avro
import Testing

@testable import AvroContainer

@Suite struct AvroContainerTests {
    static let schema = try! Schema(
        parsing:
            #"{"type": "record", "name": "R", "fields": [{"name": "id", "type": "long"}, {"name": "name", "type": "string"}]}"#
    )

    static func values(_ count: Int) -> [AvroValue] {
        (0..<count).map { .record([.long(Int64($0)), .string(String(repeating: "x", count: $0 % 50))]) }
    }

    static func write(_ values: [AvroValue], codec: ContainerCodec, blockSize: Int = 1024) throws -> [UInt8] {
        var file: [UInt8] = []
        var writer = try AvroContainerWriter(schema: schema, codec: codec, blockSize: blockSize) { file += $0 }
        for value in values { try writer.append(value) }
        try writer.finish()
        return file
    }

    @Test(arguments: ContainerCodec.allCases)
    func roundTripsManyBlocksWithEveryCodec(codec: ContainerCodec) throws {
        let values = Self.values(1000)
        let file = try Self.write(values, codec: codec)
        var reader = try AvroContainerReader(bytes: file)
        #expect(reader.header.codec == codec)
        #expect(try reader.readAll() == values)
    }

    @Test func compressionShrinksRepetitiveData() throws {
        let plain = try Self.write(Self.values(2000), codec: .null).count
        for codec in [ContainerCodec.deflate, .snappy, .zstandard] {
            #expect(try Self.write(Self.values(2000), codec: codec).count < plain / 2, "\(codec)")
        }
    }

    @Test func appendsToAnExistingFile() throws {
        var file = try Self.write(Self.values(10), codec: .deflate)
        let header = try AvroContainerReader(bytes: file).header
        var writer = AvroContainerWriter(appendingTo: header) { file += $0 }
        for value in Self.values(5) { try writer.append(value) }
        try writer.finish()
        var reader = try AvroContainerReader(bytes: file)
        #expect(try reader.readAll() == Self.values(10) + Self.values(5))
    }

    @Test func readsWithAReaderSchema() throws {
        let file = try Self.write(Self.values(3), codec: .snappy)
        let readerSchema = try Schema(
            parsing:
                #"{"type": "record", "name": "R", "fields": [{"name": "id", "type": "double"}, {"name": "extra", "type": "int", "default": 7}]}"#
        )
        var reader = try AvroContainerReader(bytes: file, readerSchema: readerSchema)
        #expect(try reader.readAll() == [0, 1, 2].map { AvroValue.record([.double(Double($0)), .int(7)]) })
    }

    @Test func detectsCorruption() throws {
        var file = try Self.write(Self.values(100), codec: .null)
        file[file.count - 1] ^= 0xFF
        var reader = try AvroContainerReader(bytes: file)
        #expect(throws: ContainerError.self) { try reader.readAll() }
        #expect(throws: ContainerError.self) { try AvroContainerReader(bytes: [1, 2, 3, 4]) }
        #expect(throws: (any Error).self) { try AvroContainerReader(bytes: Array(file.prefix(20))) }
    }

    @Test(arguments: [ContainerCodec.deflate, .snappy, .zstandard])
    func refusesBlocksThatDecompressPastTheLimit(codec: ContainerCodec) throws {
        let compressed = try codec.compress([UInt8](repeating: 0, count: 100_000))
        #expect(throws: ContainerError.self) { try codec.decompress(compressed, limit: 10_000) }
        #expect(try codec.decompress(compressed, limit: 100_000).count == 100_000)
    }
}

@Suite struct ContainerHeaderTests {
    @Test func rejectsTheMostNegativeMetadataCount() {
        // Found by the fuzzer: a metadata block count of Int64.min overflowed when negated.
        var bytes = ContainerHeader.magic
        bytes += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        #expect(throws: ContainerError.self) { try AvroContainerReader(bytes: bytes) }
    }
}
