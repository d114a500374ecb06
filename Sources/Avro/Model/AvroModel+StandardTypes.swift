// The standard types as models of the primitive schemas, so that a topic whose key (or value) schema is just
// `"string"` or `"long"` goes through the same serializers as a record: `String`, `Int64`, `Int32`, `Bool`,
// `Float`, `Double`, `[UInt8]` (`bytes`) and ``AvroNull``. The generator names such a root with a typealias.

/// The schemas and fingerprints of the primitive models, built once.
@usableFromInline enum PrimitiveModelSchemas {
    @usableFromInline static let null = Entry(.null)
    @usableFromInline static let boolean = Entry(.boolean)
    @usableFromInline static let int = Entry(.int)
    @usableFromInline static let long = Entry(.long)
    @usableFromInline static let float = Entry(.float)
    @usableFromInline static let double = Entry(.double)
    @usableFromInline static let bytes = Entry(.bytes)
    @usableFromInline static let string = Entry(.string)

    @usableFromInline struct Entry: Sendable {
        @usableFromInline let schema: Schema
        @usableFromInline let fingerprint: UInt64

        init(_ kind: Schema.Kind) {
            schema = Schema(kind)
            fingerprint = schema.rabinFingerprint
        }
    }
}

extension String: AvroModel {
    /// `"string"`.
    public static var avroSchema: Schema { PrimitiveModelSchemas.string.schema }
    public static var avroRabinFingerprint: UInt64 { PrimitiveModelSchemas.string.fingerprint }
    @inlinable public func avroEncode(to writer: inout AvroBinaryWriter) { writer.writeString(self) }
    @inlinable public init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError) {
        self = try reader.readString()
    }
}

extension Int64: AvroModel {
    /// `"long"`.
    public static var avroSchema: Schema { PrimitiveModelSchemas.long.schema }
    public static var avroRabinFingerprint: UInt64 { PrimitiveModelSchemas.long.fingerprint }
    @inlinable public func avroEncode(to writer: inout AvroBinaryWriter) { writer.writeLong(self) }
    @inlinable public init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError) {
        self = try reader.readLong()
    }
}

extension Int32: AvroModel {
    /// `"int"`.
    public static var avroSchema: Schema { PrimitiveModelSchemas.int.schema }
    public static var avroRabinFingerprint: UInt64 { PrimitiveModelSchemas.int.fingerprint }
    @inlinable public func avroEncode(to writer: inout AvroBinaryWriter) { writer.writeInt(self) }
    @inlinable public init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError) {
        self = try reader.readInt()
    }
}

extension Bool: AvroModel {
    /// `"boolean"`.
    public static var avroSchema: Schema { PrimitiveModelSchemas.boolean.schema }
    public static var avroRabinFingerprint: UInt64 { PrimitiveModelSchemas.boolean.fingerprint }
    @inlinable public func avroEncode(to writer: inout AvroBinaryWriter) { writer.writeBoolean(self) }
    @inlinable public init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError) {
        self = try reader.readBoolean()
    }
}

extension Float: AvroModel {
    /// `"float"`.
    public static var avroSchema: Schema { PrimitiveModelSchemas.float.schema }
    public static var avroRabinFingerprint: UInt64 { PrimitiveModelSchemas.float.fingerprint }
    @inlinable public func avroEncode(to writer: inout AvroBinaryWriter) { writer.writeFloat(self) }
    @inlinable public init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError) {
        self = try reader.readFloat()
    }
}

extension Double: AvroModel {
    /// `"double"`.
    public static var avroSchema: Schema { PrimitiveModelSchemas.double.schema }
    public static var avroRabinFingerprint: UInt64 { PrimitiveModelSchemas.double.fingerprint }
    @inlinable public func avroEncode(to writer: inout AvroBinaryWriter) { writer.writeDouble(self) }
    @inlinable public init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError) {
        self = try reader.readDouble()
    }
}

extension Array: AvroBinaryCodable, AvroModel where Element == UInt8 {
    /// `"bytes"`.
    public static var avroSchema: Schema { PrimitiveModelSchemas.bytes.schema }
    public static var avroRabinFingerprint: UInt64 { PrimitiveModelSchemas.bytes.fingerprint }
    @inlinable public func avroEncode(to writer: inout AvroBinaryWriter) { writer.writeBytes(self) }
    @inlinable public init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError) {
        self = try reader.readBytes()
    }
}

extension AvroNull: AvroModel {
    /// `"null"`.
    public static var avroSchema: Schema { PrimitiveModelSchemas.null.schema }
    public static var avroRabinFingerprint: UInt64 { PrimitiveModelSchemas.null.fingerprint }
    @inlinable public func avroEncode(to writer: inout AvroBinaryWriter) {}
    @inlinable public init(avroDecoding reader: inout AvroBinaryReader) {
        self.init()
    }
}
