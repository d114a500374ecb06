import Avro

/// Writes an object container file block by block to a sink (a file, a buffer).
///
/// Values are encoded into the current block; once it holds ``blockSize`` bytes it is compressed and handed
/// to the sink with its count, size and sync marker. Call ``finish()`` to write the last block.
public struct AvroContainerWriter {
    /// The header written (or, when appending, found).
    public let header: ContainerHeader
    /// The uncompressed size at which a block is written.
    public var blockSize: Int
    private let codec: AvroGenericCodec
    private let sink: ([UInt8]) throws -> Void
    /// The current block's encoded data, and how many datums it holds.
    var block = AvroBinaryWriter(capacity: 64 * 1024)
    var count = 0
    /// The CRC-64-AVRO fingerprint of the file's schema: a model is appended only when its own is this one.
    let schemaFingerprint: UInt64

    /// Starts a new file: writes the header to `sink`.
    public init(
        schema: Schema, codec: ContainerCodec = .null, metadata: [(key: String, value: [UInt8])] = [],
        blockSize: Int = 64 * 1024, sync: [UInt8]? = nil, sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        var generator = SystemRandomNumberGenerator()
        let marker = sync ?? (0..<16).map { _ in UInt8.random(in: 0 ... .max, using: &generator) }
        guard marker.count == 16 else { throw ContainerError("the sync marker must be 16 bytes") }
        let entries: [(key: String, value: [UInt8])] =
            [("avro.schema", Array(schema.jsonText.utf8)), ("avro.codec", Array(codec.rawValue.utf8))]
            + metadata.filter { !$0.key.hasPrefix("avro.") }
        header = ContainerHeader(schema: schema, codec: codec, metadata: entries, sync: marker)
        self.blockSize = blockSize
        self.codec = AvroGenericCodec(schema: schema)
        schemaFingerprint = schema.rabinFingerprint
        self.sink = sink
        try sink(header.encoded)
    }

    /// Continues a file whose header is `header` (read with ``AvroContainerReader``): new blocks use its schema,
    /// codec and sync marker.
    public init(
        appendingTo header: ContainerHeader, blockSize: Int = 64 * 1024, sink: @escaping ([UInt8]) throws -> Void
    ) {
        self.header = header
        self.blockSize = blockSize
        codec = AvroGenericCodec(schema: header.schema)
        schemaFingerprint = header.schema.rabinFingerprint
        self.sink = sink
    }

    /// Adds one value. A value the schema cannot hold throws and leaves the block as it was.
    public mutating func append(_ value: AvroValue) throws {
        let mark = block.bytes.count
        do {
            try codec.encode(value, to: &block)
        } catch {
            truncateBlock(to: mark)
            throw error
        }
        count += 1
        if block.bytes.count >= blockSize { try flush() }
    }

    /// Adds one datum already encoded with the file's schema.
    public mutating func appendEncoded(_ datum: [UInt8]) throws {
        block.writeRaw(datum)
        count += 1
        if block.bytes.count >= blockSize { try flush() }
    }

    /// Writes the current block, if it holds anything.
    public mutating func flush() throws {
        guard count > 0 else { return }
        let compressed = try header.codec.compress(block.bytes)
        var frame = AvroBinaryWriter(capacity: compressed.count + 32)
        frame.writeLong(Int64(count))
        frame.writeLong(Int64(compressed.count))
        frame.writeRaw(compressed)
        frame.writeRaw(header.sync)
        try sink(frame.bytes)
        block.removeAll()
        count = 0
    }

    /// Writes the last block.
    public mutating func finish() throws {
        try flush()
    }

    /// Drops what a failed append wrote after `mark` (rare: only on the error path, so it may copy).
    mutating func truncateBlock(to mark: Int) {
        guard block.bytes.count > mark else { return }
        let kept = block.bytes[..<mark]
        var fresh = AvroBinaryWriter(capacity: max(blockSize, mark))
        fresh.writeRaw(kept)
        block = fresh
    }
}
