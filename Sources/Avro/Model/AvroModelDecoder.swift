/// Decodes data written with one writer schema into a generated model, resolving it into the model's schema.
///
/// Build one per writer schema and keep it (the registry deserializer keeps one per schema id and model type):
/// the resolution plan is compiled once. Each decode then reads the writer's bytes once, writing the model
/// schema's encoding (fields in the model's order, defaults filled, promotions applied) without building generic
/// values, and the model decodes those; when the writer's canonical form is the model's, the bytes are decoded
/// as they are.
public struct AvroModelDecoder<Model: AvroModel>: Sendable {
    /// The plan from the writer's schema to the model's; `nil` when both have the same canonical form.
    let plan: DecodeProgram?
    /// The limits applied when decoding.
    public var limits: AvroDecodingLimits

    /// A decoder of data written with `writerSchema`.
    /// - Throws: ``ResolutionError`` when no datum of the writer can be read as a `Model`.
    public init(writerSchema: Schema, limits: AvroDecodingLimits = .default) throws(ResolutionError) {
        self.limits = limits
        plan =
            writerSchema.canonicalForm == Model.avroSchema.canonicalForm
            ? nil : try ResolutionPlanCache.shared.plan(writer: writerSchema, reader: Model.avroSchema)
    }

    /// Whether data is decoded as it is (the writer's canonical form is the model's).
    public var isIdentity: Bool { plan == nil }

    /// Decodes `bytes`, which must hold exactly one datum of the writer schema. Contiguous bytes (`[UInt8]`,
    /// `ArraySlice<UInt8>`, `Data`) are read in place.
    public func decode(_ bytes: some Collection<UInt8>) throws(AvroCodingError) -> Model {
        guard let plan else { return try Model(avroEncoded: bytes, limits: limits) }
        var resolved = AvroBinaryWriter(capacity: bytes.count + 16)
        try AvroBinaryReader.withReader(bytes, limits: limits) {
            (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            try plan.transcode(from: &reader, to: &resolved)
            guard reader.isAtEnd else {
                throw reader.error(.trailingBytes, "\(reader.remaining) bytes after the datum")
            }
        }
        return try Model(avroEncoded: resolved.storage, limits: limits)
    }
}
