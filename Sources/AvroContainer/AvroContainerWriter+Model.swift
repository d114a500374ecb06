import Avro

extension AvroContainerWriter {
    /// Starts a new file of `Model` values: the header carries `Model.avroSchema`, and `append(_:)`
    /// encodes each model straight into the current block.
    ///
    /// ```swift
    /// var file: FileHandle = ...
    /// var writer = try AvroContainerWriter(for: Order.self, codec: .zstandard) { try file.write(contentsOf: $0) }
    /// for order in orders { try writer.append(order) }
    /// try writer.finish()
    /// ```
    /// - Parameters:
    ///   - type: The generated model type whose schema the file is written with.
    ///   - codec: The block codec.
    ///   - metadata: Extra header entries (keys starting with `avro.` are reserved and dropped).
    ///   - blockSize: The uncompressed size at which a block is written.
    ///   - sync: The 16-byte sync marker; random when `nil`.
    ///   - sink: Receives the header and then each block, in order.
    public init<Model: AvroModel>(
        for type: Model.Type, codec: ContainerCodec = .null, metadata: [(key: String, value: [UInt8])] = [],
        blockSize: Int = 64 * 1024, sync: [UInt8]? = nil, sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        try self.init(
            schema: Model.avroSchema, codec: codec, metadata: metadata, blockSize: blockSize, sync: sync, sink: sink)
    }

    /// Adds one model, encoded with its generated code straight into the current block (no generic value).
    ///
    /// - Throws: ``ContainerError`` when the model's schema is not the file's (compared by the CRC-64-AVRO
    ///   fingerprint of their canonical forms, a constant in generated types), `AvroCodingError` when the model
    ///   holds a value its schema cannot (the block is then left as it was), and the sink's errors.
    public mutating func append<Model: AvroModel>(_ model: Model) throws {
        guard Model.avroRabinFingerprint == schemaFingerprint else {
            throw ContainerError(
                "\(Model.self)'s schema is not the file's (\(header.schema.namedType?.name.fullName ?? header.schema.typeName))"
            )
        }
        let mark = block.bytes.count
        do {
            try model.avroEncode(to: &block)
        } catch {
            truncateBlock(to: mark)
            throw error
        }
        count += 1
        if block.bytes.count >= blockSize { try flush() }
    }
}
