/// Encodes and decodes generic values with a schema; decodes data of another writer schema through a cached
/// resolution plan.
///
/// Build one per schema (or writer/reader pair) and reuse it: the schema is compiled once.
public struct AvroGenericCodec: Sendable {
    /// The schema values are read as (and written with).
    public let schema: Schema
    let encoder: EncodeProgram
    let decoder: DecodeProgram
    /// The limits applied when decoding.
    public var limits: AvroDecodingLimits

    /// A codec that writes and reads `schema`.
    public init(schema: Schema, limits: AvroDecodingLimits = .default) {
        self.schema = schema
        self.limits = limits
        encoder = EncodeProgram(schema: schema)
        // A parsed schema always resolves against itself; should one not, decoding reports why instead of the
        // initialiser trapping.
        do {
            decoder = try ResolutionCompiler.compile(writer: schema, reader: schema)
        } catch {
            decoder = DecodeProgram.failing("the schema cannot read its own data: \(error.message)")
        }
    }

    /// A codec that writes `reader` and reads data written with `writer` as `reader`.
    public init(writer: Schema, reader: Schema, limits: AvroDecodingLimits = .default) throws(ResolutionError) {
        self.schema = reader
        self.limits = limits
        encoder = EncodeProgram(schema: reader)
        decoder = try ResolutionPlanCache.shared.plan(writer: writer, reader: reader)
    }

    /// Appends the binary encoding of `value` to `writer`.
    public func encode(_ value: AvroValue, to writer: inout AvroBinaryWriter) throws(AvroCodingError) {
        try encoder.encode(value, to: &writer)
    }

    /// The binary encoding of `value`.
    public func encode(_ value: AvroValue) throws(AvroCodingError) -> [UInt8] {
        var writer = AvroBinaryWriter()
        try encoder.encode(value, to: &writer)
        return writer.bytes
    }

    /// Reads one datum from `reader`.
    public func decode(from reader: inout AvroBinaryReader) throws(AvroCodingError) -> AvroValue {
        try decoder.decode(from: &reader)
    }

    /// Decodes `bytes`, which must hold exactly one datum; contiguous bytes (`[UInt8]`, `ArraySlice<UInt8>`, `Data`)
    /// are read in place.
    public func decode(_ bytes: some Collection<UInt8>) throws(AvroCodingError) -> AvroValue {
        try AvroBinaryReader.withReader(bytes, limits: limits) {
            (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            let value = try decoder.decode(from: &reader)
            try reader.expectEnd()
            return value
        }
    }
}
