import Synchronization

/// Decodes data written with one writer schema into a generated model, resolving it into the model's schema.
///
/// Build one per writer schema and keep it (the registry deserializer keeps one per schema id and model type):
/// the resolution plan is compiled once. Each decode then reads the writer's bytes once, writing the model
/// schema's encoding (fields in the model's order, defaults filled, promotions applied) without building generic
/// values, and the model decodes those; when the writer's canonical form is the model's, the bytes are decoded
/// as they are. When both are records, the model reads the writer's fields itself (``AvroRecordResolution``), so
/// only fields whose type changed are rewritten.
public struct AvroModelDecoder<Model: AvroModel>: Sendable {
    /// How the writer's data reaches the model.
    @usableFromInline enum Path: Sendable {
        /// The writer's canonical form is the model's.
        case identity
        /// Both are records: the model reads field by field.
        case fields(AvroRecordResolution)
        /// Anything else: the datum is rewritten into the model's encoding, then decoded.
        case rewritten(AvroTranscoder)
    }

    @usableFromInline let path: Path
    /// The limits applied when decoding.
    public var limits: AvroDecodingLimits

    /// A decoder of data written with `writerSchema`.
    /// - Throws: ``ResolutionError`` when no datum of the writer can be read as a `Model`.
    public init(writerSchema: Schema, limits: AvroDecodingLimits = .default) throws(ResolutionError) {
        self.limits = limits
        let modelSchema = Model.avroSchema
        if writerSchema.canonicalForm == modelSchema.canonicalForm {
            path = .identity
        } else if case .record = writerSchema.kind, case .record = modelSchema.kind {
            path = .fields(try AvroRecordResolution(writer: writerSchema, reader: modelSchema))
        } else {
            path = .rewritten(try AvroTranscoder(writer: writerSchema, reader: modelSchema, limits: limits))
        }
    }

    /// Whether data is decoded as it is (the writer's canonical form is the model's).
    public var isIdentity: Bool {
        if case .identity = path { return true }
        return false
    }

    /// Decodes `bytes`, which must hold exactly one datum of the writer schema. Contiguous bytes (`[UInt8]`,
    /// `ArraySlice<UInt8>`, `Data`) are read in place.
    @inlinable public func decode(_ bytes: some Collection<UInt8>) throws(AvroCodingError) -> Model {
        switch path {
        case .identity:
            return try Model(avroEncoded: bytes, limits: limits)
        case .fields(let resolution):
            return try AvroBinaryReader.withReader(bytes, limits: limits) {
                (reader: inout AvroBinaryReader) throws(AvroCodingError) in
                let value = try Model(avroDecoding: &reader, resolving: resolution)
                try reader.expectEnd()
                return value
            }
        case .rewritten(let transcoder):
            return try Model(avroEncoded: try transcoder.transcode(bytes), limits: limits)
        }
    }

    /// Decodes the datum of the writer schema that starts at `reader`'s position and leaves `reader` after it: for
    /// datums that follow each other in one buffer, as in a container file's block.
    @inlinable public func decode(from reader: inout AvroBinaryReader) throws(AvroCodingError) -> Model {
        switch path {
        case .identity:
            return try Model(avroDecoding: &reader)
        case .fields(let resolution):
            return try Model(avroDecoding: &reader, resolving: resolution)
        case .rewritten(let transcoder):
            return try transcoder.plan.readRewritten(from: &reader) {
                (modelReader: inout AvroBinaryReader) throws(AvroCodingError) in try Model(avroDecoding: &modelReader)
            }
        }
    }

    /// The decoder of `writerSchema` data for `Model`, built once per (model type, writer definition) and kept in a
    /// process-wide cache (at most ``cacheCapacity`` entries, emptied when full), so
    /// `Model(avroEncoded:writerSchema:)` compiles nothing per call.
    static func cached(writerSchema: Schema, limits: AvroDecodingLimits) throws(ResolutionError) -> Self {
        let key = AvroModelDecoderCache.Key(model: ObjectIdentifier(Model.self), writer: writerSchema.identity)
        if let entry = AvroModelDecoderCache.shared.withLock({ $0[key] }) {
            var decoder = unsafeDowncast(entry, to: AvroModelDecoderCache.Entry<Model>.self).decoder
            decoder.limits = limits
            return decoder
        }
        let decoder = try AvroModelDecoder(writerSchema: writerSchema, limits: limits)
        let entry = AvroModelDecoderCache.Entry(decoder: decoder, writer: writerSchema)
        AvroModelDecoderCache.shared.withLock { cache in
            if cache.count >= cacheCapacity { cache.removeAll() }
            cache[key] = entry
        }
        return decoder
    }

    /// The most decoders ``cached(writerSchema:limits:)`` keeps.
    static var cacheCapacity: Int { 256 }
}

/// The decoders of `AvroModel.init(avroEncoded:writerSchema:)`, by model type and writer definition.
enum AvroModelDecoderCache {
    struct Key: Hashable, Sendable {
        var model: ObjectIdentifier
        var writer: Schema.Identity
    }

    /// A decoder and the writer schema it was built for (kept alive so its identity stays unique).
    final class Entry<Model: AvroModel>: Sendable {
        let decoder: AvroModelDecoder<Model>
        let writer: Schema

        init(decoder: AvroModelDecoder<Model>, writer: Schema) {
            self.decoder = decoder
            self.writer = writer
        }
    }

    static let shared = Mutex<[Key: AnyObject & Sendable]>([:])
}
