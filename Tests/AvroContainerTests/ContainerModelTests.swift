import Avro
import Foundation
import Testing

@testable import AvroContainer

/// A model written by hand as `swift-avro generate` writes them: straight-line binary code and its schema.
struct Reading: AvroModel, Hashable {
    var id: Int64
    var name: String
    var note: String?

    static let avroSchema = try! Schema(
        parsing: #"""
            {"type": "record", "name": "Reading", "namespace": "test", "fields": [
              {"name": "id", "type": "long"},
              {"name": "name", "type": "string"},
              {"name": "note", "type": ["null", "string"], "default": null}]}
            """#)

    init(id: Int64, name: String, note: String? = nil) {
        self.id = id
        self.name = name
        self.note = note
    }

    func avroEncode(to writer: inout AvroBinaryWriter) throws(AvroCodingError) {
        writer.writeLong(id)
        writer.writeString(name)
        if let note {
            writer.writeLong(1)
            writer.writeString(note)
        } else {
            writer.writeLong(0)
        }
    }

    init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError) {
        id = try reader.readLong()
        name = try reader.readString()
        note = try reader.readOptional(nullIndex: 0) { (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            try reader.readString()
        }
    }
}

@Suite struct ContainerModelTests {
    static func readings(_ count: Int) -> [Reading] {
        (0..<count).map {
            Reading(id: Int64($0) * 1_000_003, name: "sensor-\($0 % 17)", note: $0 % 3 == 0 ? nil : "n\($0)")
        }
    }

    static func write(_ readings: [Reading], codec: ContainerCodec = .null, blockSize: Int = 1024) throws -> [UInt8] {
        var file: [UInt8] = []
        var writer = try AvroContainerWriter(for: Reading.self, codec: codec, blockSize: blockSize) { file += $0 }
        for reading in readings { try writer.append(reading) }
        try writer.finish()
        return file
    }

    @Test(arguments: ContainerCodec.allCases)
    func roundTripsModelsWithEveryCodec(codec: ContainerCodec) throws {
        let readings = Self.readings(2000)
        let file = try Self.write(readings, codec: codec)
        var reader = try AvroContainerModelReader<Reading>(bytes: file)
        #expect(reader.header.codec == codec)
        #expect(reader.header.schema.canonicalForm == Reading.avroSchema.canonicalForm)
        #expect(reader.isIdentity)
        #expect(try reader.readAll() == readings)
        // The generic reader sees the same data: the models were encoded with the file's schema.
        var generic = try AvroContainerReader(bytes: file)
        let values = try generic.readAll()
        #expect(values.count == readings.count)
        #expect(values[1] == .record([.long(1_000_003), .string("sensor-1"), .union(branch: 1, value: .string("n1"))]))
    }

    @Test func streamsAFileAsAnAsyncSequence() async throws {
        let readings = Self.readings(5000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("models-\(UUID().uuidString).avro")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        var writer = try AvroContainerWriter(for: Reading.self, codec: .zstandard, blockSize: 4096) {
            try handle.write(contentsOf: $0)
        }
        for reading in readings { try writer.append(reading) }
        try writer.finish()
        try handle.close()

        var read: [Reading] = []
        for try await reading in try AvroContainerModelReader<Reading>(path: path) { read.append(reading) }
        #expect(read == readings)
    }

    @Test func resolvesAnOlderWriterSchemaIntoTheModel() throws {
        // The older writer: fields in another order, `id` an int (promoted to long), a field the model dropped, and
        // no `note` (the model's default fills it).
        let older = try Schema(
            parsing: #"""
                {"type": "record", "name": "Reading", "namespace": "test", "fields": [
                  {"name": "legacy", "type": {"type": "array", "items": {"type": "map", "values": "string"}}},
                  {"name": "name", "type": "string"},
                  {"name": "id", "type": "int"}]}
                """#)
        var file: [UInt8] = []
        var writer = try AvroContainerWriter(schema: older, codec: .deflate, blockSize: 512) { file += $0 }
        for index in 0..<1000 {
            let legacy = AvroValue.array(
                (0..<index % 3).map {
                    .map([(key: "k\($0)", value: .string(String(repeating: "v", count: index % 40)))])
                })
            try writer.append(.record([legacy, .string("old-\(index)"), .int(Int32(index) - 500)]))
        }
        try writer.finish()

        var reader = try AvroContainerModelReader<Reading>(bytes: file)
        #expect(!reader.isIdentity)
        let read = try reader.readAll()
        #expect(read == (0..<1000).map { Reading(id: Int64($0) - 500, name: "old-\($0)") })
    }

    @Test func resolvesAWriterUnionIntoTheModel() throws {
        // A root that is not a record (a union holding the record) takes the generic path to find each datum's end.
        let union = try Schema(parsing: #"["null", \#(Reading.avroSchema.jsonText)]"#)
        var file: [UInt8] = []
        var writer = try AvroContainerWriter(schema: union, blockSize: 256) { file += $0 }
        for reading in Self.readings(300) {
            try writer.append(
                .union(
                    branch: 1,
                    value: .record([
                        .long(reading.id), .string(reading.name),
                        reading.note.map { .union(branch: 1, value: .string($0)) } ?? .union(branch: 0, value: .null),
                    ])))
        }
        try writer.finish()
        var reader = try AvroContainerModelReader<Reading>(bytes: file)
        #expect(try reader.readAll() == Self.readings(300))
    }

    @Test func refusesAFileItsModelCannotRead() throws {
        let other = try Schema(
            parsing:
                #"{"type": "record", "name": "Reading", "namespace": "test", "fields": [{"name": "id", "type": "string"}]}"#
        )
        var file: [UInt8] = []
        var writer = try AvroContainerWriter(schema: other) { file += $0 }
        try writer.append(.record([.string("x")]))
        try writer.finish()
        #expect(throws: ContainerError.self) { try AvroContainerModelReader<Reading>(bytes: file) }
    }

    @Test func refusesAModelOfAnotherSchema() throws {
        var writer = try AvroContainerWriter(schema: try Schema(parsing: #""long""#)) { _ in }
        #expect(throws: ContainerError.self) { try writer.append(Reading(id: 1, name: "a")) }
    }

    @Test func aFailedAppendLeavesTheBlockAsItWas() throws {
        var file: [UInt8] = []
        var writer = try AvroContainerWriter(schema: Reading.avroSchema) { file += $0 }
        try writer.append(Reading(id: 1, name: "a"))
        // A generic value that fails half way (its first field is written before the second is found wrong).
        #expect(throws: (any Error).self) {
            try writer.append(.record([.long(9), .int(3), .union(branch: 0, value: .null)]))
        }
        try writer.append(Reading(id: 2, name: "b", note: "c"))
        try writer.finish()
        var reader = try AvroContainerModelReader<Reading>(bytes: file)
        #expect(try reader.readAll() == [Reading(id: 1, name: "a"), Reading(id: 2, name: "b", note: "c")])
    }

    @Test(arguments: [ContainerCodec.null, .deflate, .snappy, .zstandard])
    func aTruncatedFileIsAContainerError(codec: ContainerCodec) throws {
        let file = try Self.write(Self.readings(200), codec: codec, blockSize: 600)
        for length in stride(from: 0, to: file.count, by: 7) {
            let prefix = Array(file.prefix(length))
            do {
                var reader = try AvroContainerModelReader<Reading>(bytes: prefix)
                let read = try reader.readAll()
                // A cut exactly between blocks is a valid, shorter file.
                #expect(read == Array(Self.readings(200).prefix(read.count)))
                #expect(read.count < 200)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func everyCorruptByteIsAContainerErrorOrReadsSomething() throws {
        let file = try Self.write(Self.readings(40), blockSize: 200)
        var errors = 0
        for index in file.indices {
            var corrupt = file
            corrupt[index] ^= 0x5A
            guard var reader = try? AvroContainerModelReader<Reading>(bytes: corrupt) else {
                errors += 1
                continue
            }
            do {
                _ = try reader.readAll()
            } catch {
                errors += 1
                // The reader stops at its first error and repeats it.
                do {
                    _ = try reader.next()
                    Issue.record("a reader went on after \(error)")
                } catch let again {
                    #expect(again.message == error.message)
                }
            }
        }
        // The header, block counts and sizes, and sync markers are checked: most flips are caught.
        #expect(errors > file.count / 4)
    }
}
