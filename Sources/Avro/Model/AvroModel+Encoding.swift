extension AvroModel {
    /// The binary encoding of `self`.
    @inlinable public func avroEncoded() throws(AvroCodingError) -> [UInt8] {
        var writer = AvroBinaryWriter()
        try avroEncode(to: &writer)
        return writer.bytes
    }

    /// Decodes `bytes` written with ``avroSchema``; they must hold exactly one datum. Contiguous bytes
    /// (`[UInt8]`, `ArraySlice<UInt8>`, `Data`) are read in place.
    @inlinable public init(avroEncoded bytes: some Collection<UInt8>, limits: AvroDecodingLimits = .default)
        throws(AvroCodingError)
    {
        self = try AvroBinaryReader.withReader(bytes, limits: limits) {
            (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            let value = try Self(avroDecoding: &reader)
            try reader.expectEnd()
            return value
        }
    }

    /// Decodes `bytes` written with another schema, resolved into ``avroSchema`` in one pass (or directly when the
    /// writer's canonical form is ``avroSchema``'s). The decoder is built once per writer schema and cached (reuse
    /// the same `Schema` value); to decode many datums of one writer, an ``AvroModelDecoder`` of your own skips the
    /// cache lookup.
    public init(avroEncoded bytes: some Collection<UInt8>, writerSchema: Schema, limits: AvroDecodingLimits = .default)
        throws
    {
        self = try AvroModelDecoder<Self>.cached(writerSchema: writerSchema, limits: limits).decode(bytes)
    }

    /// The single-object encoding of `self` (`C3 01`, fingerprint, datum), written into one buffer.
    @inlinable public func avroSingleObjectEncoded() throws(AvroCodingError) -> [UInt8] {
        var writer = AvroBinaryWriter()
        writer.writeRaw(SingleObjectEncoding.magic)
        let fingerprint = Self.avroRabinFingerprint
        for index in 0..<8 { writer.writeByte(UInt8(truncatingIfNeeded: fingerprint >> (8 * index))) }
        try avroEncode(to: &writer)
        return writer.bytes
    }

    /// Decodes a single-object message; its fingerprint must be ``avroSchema``'s or a schema in `store`.
    public init(avroSingleObject message: [UInt8], store: SchemaStore? = nil) throws {
        let (fingerprint, datum) = try SingleObjectEncoding.unframe(message)
        if fingerprint == Self.avroRabinFingerprint {
            try self.init(avroEncoded: datum)
        } else if let writer = store?.schema(fingerprint: fingerprint) {
            try self.init(avroEncoded: datum, writerSchema: writer)
        } else {
            throw FramingError.unknownFingerprint(fingerprint)
        }
    }

    /// `self` in the Confluent wire format for schema `id`, written into one buffer.
    @inlinable public func avroConfluentEncoded(schemaID id: Int32) throws(AvroCodingError) -> [UInt8] {
        var writer = AvroBinaryWriter()
        ConfluentWireFormat.writeHeader(schemaID: id, to: &writer)
        try avroEncode(to: &writer)
        return writer.bytes
    }
}
