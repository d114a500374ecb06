import Avro

/// The header of an object container file: the writer schema, the codec, the metadata and the sync marker.
public struct ContainerHeader: Sendable {
    /// `Obj` followed by version 1.
    public static let magic: [UInt8] = [0x4F, 0x62, 0x6A, 0x01]

    /// The schema the file's data was written with.
    public var schema: Schema
    /// The block codec.
    public var codec: ContainerCodec
    /// Every metadata entry, including `avro.schema` and `avro.codec`.
    public var metadata: [(key: String, value: [UInt8])]
    /// The 16 bytes that follow every block.
    public var sync: [UInt8]

    /// The metadata value for `key`.
    public func metadata(_ key: String) -> [UInt8]? {
        metadata.first { $0.key == key }?.value
    }

    /// The encoded header.
    var encoded: [UInt8] {
        var writer = AvroBinaryWriter()
        writer.writeRaw(Self.magic)
        writer.writeBlockCount(metadata.count)
        for entry in metadata {
            writer.writeString(entry.key)
            writer.writeBytes(entry.value)
        }
        writer.writeBlockCount(0)
        writer.writeRaw(sync)
        return writer.bytes
    }

    /// Reads a header, parsing its schema.
    static func read(from input: inout ContainerInput, limits: AvroDecodingLimits) throws -> ContainerHeader {
        guard try input.read(4) == magic else {
            throw ContainerError("not an Avro object container file (no Obj\\u{1} magic)", offset: 0)
        }
        var metadata: [(key: String, value: [UInt8])] = []
        while true {
            var count = try input.readLong()
            if count == 0 { break }
            if count < 0 {
                guard count != .min else { throw ContainerError("invalid metadata block count", offset: input.offset) }
                count = -count
                _ = try input.readLong()
            }
            guard count <= 10_000 - Int64(metadata.count) else {
                throw ContainerError("too many metadata entries", offset: input.offset)
            }
            for _ in 0..<count {
                let key = String(decoding: try readSized(&input, limits), as: UTF8.self)
                metadata.append((key, try readSized(&input, limits)))
            }
        }
        let sync = try input.read(16)
        guard let schemaBytes = metadata.first(where: { $0.key == "avro.schema" })?.value else {
            throw ContainerError("the header has no avro.schema")
        }
        let schema: Schema
        do {
            schema = try Schema(parsing: String(decoding: schemaBytes, as: UTF8.self), file: "avro.schema")
        } catch {
            throw ContainerError("the header's schema is invalid: \(error)")
        }
        let codecName =
            metadata.first { $0.key == "avro.codec" }.map { String(decoding: $0.value, as: UTF8.self) } ?? "null"
        guard let codec = ContainerCodec(rawValue: codecName) else {
            throw ContainerError("unsupported codec \"\(codecName)\" (supported: null, deflate, snappy, zstandard)")
        }
        return ContainerHeader(schema: schema, codec: codec, metadata: metadata, sync: sync)
    }

    static func readSized(_ input: inout ContainerInput, _ limits: AvroDecodingLimits) throws -> [UInt8] {
        let length = try input.readLong()
        guard length >= 0, length <= limits.maxBytesLength else {
            throw ContainerError("invalid length \(length)", offset: input.offset)
        }
        return try input.read(Int(length))
    }
}
