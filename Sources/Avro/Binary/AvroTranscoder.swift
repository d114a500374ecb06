/// Rewrites data written with a writer schema into a reader schema's binary encoding, resolving as the
/// specification says (fields reordered, defaults filled in, promotions, enum and union indices mapped), in one
/// pass over the bytes and without building generic values.
///
/// Build one per (writer, reader) pair and keep it: the plan is compiled once.
public struct AvroTranscoder: Sendable {
    @usableFromInline let plan: DecodeProgram
    /// The limits applied when reading the writer's data.
    public var limits: AvroDecodingLimits

    /// A transcoder from `writer` data to `reader` data.
    /// - Throws: ``ResolutionError`` when no datum of `writer` can be read as `reader`.
    public init(writer: Schema, reader: Schema, limits: AvroDecodingLimits = .default) throws(ResolutionError) {
        plan = try ResolutionPlanCache.shared.plan(writer: writer, reader: reader)
        self.limits = limits
    }

    /// Appends the reader's encoding of `bytes`, which must hold exactly one datum of the writer schema.
    @inlinable public func transcode(_ bytes: some Collection<UInt8>, to output: inout AvroBinaryWriter)
        throws(AvroCodingError)
    {
        try AvroBinaryReader.withReader(bytes, limits: limits) {
            (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            try plan.transcode(from: &reader, to: &output)
            try reader.expectEnd()
        }
    }

    /// The reader's encoding of `bytes`, which must hold exactly one datum of the writer schema.
    @inlinable public func transcode(_ bytes: some Collection<UInt8>) throws(AvroCodingError) -> [UInt8] {
        var output = AvroBinaryWriter(capacity: bytes.count + 16)
        try transcode(bytes, to: &output)
        return output.storage
    }
}
