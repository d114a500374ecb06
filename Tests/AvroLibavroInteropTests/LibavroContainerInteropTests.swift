import Avro
import AvroContainer
import AvroLibavro
import AvroTestSupport
import AvroTooling
import CAvro
import Foundation
import Testing

/// Object container files both ways with libavro, for every codec both have (null, deflate, snappy).
extension LibavroInteropTests {
    @Suite struct LibavroContainerInteropTests {
        static let entry = CorpusEntry.valid.first { $0.file.hasSuffix("share/test/schemas/interop.avsc") }!

        static func values(_ schema: Schema) throws -> [AvroValue] {
            var generator = SeededRandom(seed: 99)
            return try (0..<500).map { _ in try AvroValue.random(for: schema, using: &generator) }
        }

        static func temporaryPath(_ name: String) -> String {
            FileManager.default.temporaryDirectory.appendingPathComponent("swift-avro-\(getpid())-\(name)").path
        }

        @Test(arguments: ["null", "deflate", "snappy"])
        func libavroReadsOurFiles(codec: String) throws {
            let schema = try Self.entry.schema()
            let values = try Self.values(schema)
            var file: [UInt8] = []
            var writer = try AvroContainerWriter(
                schema: schema, codec: ContainerCodec(rawValue: codec)!, blockSize: 4096
            ) {
                file += $0
            }
            for value in values { try writer.append(value) }
            try writer.finish()
            let path = Self.temporaryPath("ours-\(codec).avro")
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(FileManager.default.createFile(atPath: path, contents: Data(file)))

            let peer = try LibavroSchema(schema)
            var reader: avro_file_reader_t?
            try #require(avro_file_reader(path, &reader) == 0, "\(LibavroError.describe("avro_file_reader"))")
            defer { avro_file_reader_close(reader) }
            let cValue = try peer.makeValue()
            var read: [AvroValue] = []
            while avro_file_reader_read_value(reader, &cValue.value) == 0 {
                read.append(try cValue.avroValue())
            }
            #expect(read == values)
        }

        @Test(arguments: ["null", "deflate", "snappy"])
        func weReadLibavroFiles(codec: String) throws {
            let schema = try Self.entry.schema()
            let values = try Self.values(schema)
            let peer = try LibavroSchema(schema)
            let path = Self.temporaryPath("libavro-\(codec).avro")
            defer { try? FileManager.default.removeItem(atPath: path) }
            var writer: avro_file_writer_t?
            try #require(peer.createFile(path, codec: codec, writer: &writer) == 0)
            let cValue = try peer.makeValue()
            for value in values {
                try cValue.set(value)
                try #require(avro_file_writer_append_value(writer, &cValue.value) == 0)
            }
            avro_file_writer_close(writer)
            var reader = try AvroContainerReader(path: path)
            #expect(reader.header.codec.rawValue == codec)
            #expect(try reader.readAll() == values)
        }
    }
}
