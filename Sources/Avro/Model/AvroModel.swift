/// A Swift type with its own Avro binary encoding, as `swift-avro generate` writes them: straight-line code
/// that calls ``AvroBinaryWriter`` and ``AvroBinaryReader`` directly, with no intermediate generic value.
public protocol AvroBinaryCodable: Sendable {
    /// Appends the binary encoding of `self`; fails only for values the schema cannot hold (a decimal that
    /// needs rounding or does not fit its `fixed`, a `time-millis` beyond 32 bits).
    func avroEncode(to writer: inout AvroBinaryWriter) throws(AvroCodingError)
    /// Reads a value written with the type's schema.
    init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError)
}

/// A generated named type (record, enum or fixed) with the schema it was generated from.
public protocol AvroModel: AvroBinaryCodable {
    /// The schema the type was generated from.
    static var avroSchema: Schema { get }
    /// The CRC-64-AVRO fingerprint of ``avroSchema``'s Parsing Canonical Form: a constant in generated types,
    /// so framing a single object computes no canonical form. The default computes it on each use.
    static var avroRabinFingerprint: UInt64 { get }
    /// Reads a record written with another record schema, as `resolution` (built from that schema and
    /// ``avroSchema``) says: generated records read each field as their own decoder does, in the writer's order.
    init(avroDecoding reader: inout AvroBinaryReader, resolving resolution: AvroRecordResolution)
        throws(AvroCodingError)
}

extension AvroModel {
    public static var avroRabinFingerprint: UInt64 { avroSchema.rabinFingerprint }
}

/// A generated union of more than one non-null branch: one case per branch.
public protocol AvroUnion: AvroBinaryCodable {
    /// Reads the value of branch `branch` (already read and range-checked).
    init(avroBranch branch: Int, reader: inout AvroBinaryReader) throws(AvroCodingError)
}
