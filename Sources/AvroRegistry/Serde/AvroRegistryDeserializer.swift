import Avro
import Synchronization

/// Reads Confluent-framed messages (byte 0, the writer schema's 4-byte big-endian id, the Avro datum) into
/// generated models or generic values, fetching each writer schema from the registry once.
///
/// Safe to share between tasks. For a (writer id, model type) pair, one decoder is built and kept: when the writer
/// schema is the model's, the datum is decoded in place; otherwise it is resolved into the model's schema in one
/// pass over its bytes (``AvroModelDecoder``). A call that hits the caches does no I/O and no schema work, and
/// runs on the caller's executor (`nonisolated(nonsending)`) without hopping.
public final class AvroRegistryDeserializer: Sendable {
    /// The registry client.
    public let client: SchemaRegistryClient
    /// The limits applied to every datum.
    public let limits: AvroDecodingLimits

    @usableFromInline struct Key: Hashable, Sendable {
        @usableFromInline var id: Int32
        @usableFromInline var type: ObjectIdentifier?
        /// The reader schema, for generic values read with a reader schema.
        @usableFromInline var reader: Schema.Identity?

        @usableFromInline init(id: Int32, type: ObjectIdentifier? = nil, reader: Schema.Identity? = nil) {
            self.id = id
            self.type = type
            self.reader = reader
        }
    }

    /// Type-erased decoders: an ``AvroModelDecoder`` in a box of its model's type, or a generic codec.
    @usableFromInline final class ModelDecoderBox<Model: AvroModel>: Sendable {
        @usableFromInline let decoder: AvroModelDecoder<Model>
        @usableFromInline init(_ decoder: AvroModelDecoder<Model>) { self.decoder = decoder }
    }

    private final class GenericCodecBox: Sendable {
        let codec: AvroGenericCodec
        init(_ codec: AvroGenericCodec) { self.codec = codec }
    }

    /// Every decoder built, and the last one used (comparing with the last key is cheaper than hashing it).
    private struct Decoders {
        var last: (key: Key, decoder: AnyObject & Sendable)?
        var all: [Key: AnyObject & Sendable] = [:]
    }

    private let decoders = Mutex(Decoders())

    /// A deserializer that finds writer schemas through `client`.
    public init(client: SchemaRegistryClient, limits: AvroDecodingLimits = .default) {
        self.client = client
        self.limits = limits
    }

    /// The model in `message`, resolved from its writer schema into `Model`'s.
    ///
    /// Inlinable, so the cached path is specialized for `Model` in the caller's module.
    /// - Throws: ``FramingError`` (wrong magic byte, short message, unknown schema id), ``AvroCodingError`` for a
    ///   bad datum, ``RegistrySerdeError`` when the writer schema cannot be read as `Model`, and the client's
    ///   errors.
    @inlinable nonisolated(nonsending) public func deserialize<Model: AvroModel>(
        _ message: some Collection<UInt8>, as type: Model.Type = Model.self
    ) async throws -> Model {
        let (id, datum) = try ConfluentWireFormat.unframe(message)
        let key = Key(id: id, type: ObjectIdentifier(Model.self))
        let box: ModelDecoderBox<Model>
        if let cached = cachedDecoder(key) {
            box = unsafeDowncast(cached, to: ModelDecoderBox<Model>.self)
        } else {
            box = try await makeDecoder(key, Model.self)
        }
        return try box.decoder.decode(datum)
    }

    @usableFromInline func cachedDecoder(_ key: Key) -> (AnyObject & Sendable)? {
        decoders.withLock { decoders in
            if let last = decoders.last, last.key == key { return last.decoder }
            guard let decoder = decoders.all[key] else { return nil }
            decoders.last = (key, decoder)
            return decoder
        }
    }

    @usableFromInline func makeDecoder<Model: AvroModel>(_ key: Key, _ type: Model.Type) async throws
        -> ModelDecoderBox<Model>
    {
        let writer = try await writerSchema(id: key.id)
        let box: ModelDecoderBox<Model>
        do {
            box = ModelDecoderBox(try AvroModelDecoder<Model>(writerSchema: writer, limits: limits))
        } catch {
            throw RegistrySerdeError.unresolvable(schemaID: Int(key.id), message: error.message)
        }
        decoders.withLock { $0.all[key] = box }
        return box
    }

    /// The generic value in `message`, as its writer schema reads it, and that schema.
    nonisolated(nonsending) public func deserialize(_ message: some Collection<UInt8>) async throws -> (
        value: AvroValue, schema: Schema
    ) {
        let (id, datum) = try ConfluentWireFormat.unframe(message)
        let codec = try await genericCodec(Key(id: id)) { writer throws in
            AvroGenericCodec(schema: writer, limits: limits)
        }
        return (try codec.decode(datum), codec.schema)
    }

    /// The generic value in `message`, resolved from its writer schema into `readerSchema`.
    nonisolated(nonsending) public func deserialize(_ message: some Collection<UInt8>, readerSchema: Schema)
        async throws -> AvroValue
    {
        let (id, datum) = try ConfluentWireFormat.unframe(message)
        let codec = try await genericCodec(Key(id: id, reader: readerSchema.identity)) { writer throws in
            do throws(ResolutionError) {
                return try AvroGenericCodec(writer: writer, reader: readerSchema, limits: limits)
            } catch {
                throw RegistrySerdeError.unresolvable(schemaID: Int(id), message: error.message)
            }
        }
        return try codec.decode(datum)
    }

    private func genericCodec(_ key: Key, make: (Schema) throws -> AvroGenericCodec) async throws -> AvroGenericCodec {
        if let cached = cachedDecoder(key) {
            return unsafeDowncast(cached, to: GenericCodecBox.self).codec
        }
        let box = GenericCodecBox(try make(try await writerSchema(id: key.id)))
        decoders.withLock { $0.all[key] = box }
        return box.codec
    }

    /// The writer schema of `id`; an id the registry does not know is ``FramingError/unknownSchemaID(_:)``.
    private func writerSchema(id: Int32) async throws -> Schema {
        do {
            return try await client.parsedSchema(id: Int(id))
        } catch let error as RegistryError where error.code == 40403 {
            throw FramingError.unknownSchemaID(id)
        }
    }
}
