#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// Binary encodings of the logical types that need more than their underlying type's call, for generated code.

extension AvroBinaryWriter {
    /// Writes a `decimal` on `bytes` at the schema's `scale` (rescaled exactly, or an error).
    @inlinable public mutating func writeDecimal(_ value: AvroDecimal, scale: Int) throws(AvroCodingError) {
        writeBytes(try Self.unscaled(value, scale: scale))
    }

    /// Writes a `decimal` on a `fixed` of `size` bytes at the schema's `scale`.
    @inlinable public mutating func writeDecimal(_ value: AvroDecimal, scale: Int, fixedSize size: Int)
        throws(AvroCodingError)
    {
        let rescaled = value.scale == scale ? value : AvroDecimal(unscaledBytes: try Self.unscaled(value, scale: scale), scale: scale)
        guard let bytes = rescaled.fixedBytes(size: size) else {
            throw AvroCodingError(.schemaMismatch, "decimal \(value) does not fit in \(size) bytes")
        }
        writeFixed(bytes)
    }

    /// Writes a `big-decimal`: a `bytes` holding the unscaled value's bytes and then the scale as an `int`.
    public mutating func writeBigDecimal(_ value: AvroDecimal) {
        var inner = AvroBinaryWriter(capacity: value.unscaledBytes.count + 8)
        inner.writeBytes(value.unscaledBytes)
        inner.writeInt(Int32(clamping: value.scale))
        writeBytes(inner.bytes)
    }

    /// Writes a `uuid` on `string`, in lowercase as Apache Avro Java writes it.
    public mutating func writeUUID(_ value: UUID) {
        writeString(value.uuidString.lowercased())
    }

    /// Writes a `uuid` on a `fixed` of 16 bytes.
    public mutating func writeUUIDFixed(_ value: UUID) {
        withUnsafeBytes(of: value.uuid) { writeFixed($0) }
    }

    /// Writes a `duration` (a `fixed` of 12 bytes).
    public mutating func writeDuration(_ value: AvroDuration) {
        writeFixed(value.fixedBytes)
    }

    /// Writes a `time-millis`, which Avro stores in 32 bits.
    @inlinable public mutating func writeTimeMillis(_ value: AvroTimeOfDay<AvroMilliseconds>)
        throws(AvroCodingError)
    {
        guard let ticks = Int32(exactly: value.ticksSinceMidnight) else {
            throw AvroCodingError(.schemaMismatch, "time-millis \(value.ticksSinceMidnight) does not fit in an int")
        }
        writeInt(ticks)
    }

    @usableFromInline static func unscaled(_ value: AvroDecimal, scale: Int) throws(AvroCodingError) -> [UInt8] {
        if value.scale == scale { return value.unscaledBytes }
        guard let rescaled = value.rescaled(to: scale) else {
            throw AvroCodingError(.schemaMismatch, "decimal \(value) cannot be written at scale \(scale) without rounding")
        }
        return rescaled.unscaledBytes
    }
}

extension AvroBinaryReader {
    /// Reads a `decimal` on `bytes`.
    @inlinable public mutating func readDecimal(scale: Int) throws(AvroCodingError) -> AvroDecimal {
        AvroDecimal(unscaledBytes: try readBytes(), scale: scale)
    }

    /// Reads a `decimal` on a `fixed` of `size` bytes.
    @inlinable public mutating func readDecimal(scale: Int, fixedSize size: Int) throws(AvroCodingError) -> AvroDecimal {
        AvroDecimal(unscaledBytes: try readFixed(size), scale: scale)
    }

    /// Reads a `big-decimal`.
    public mutating func readBigDecimal() throws(AvroCodingError) -> AvroDecimal {
        let start = offset
        let length = try readLength()
        let end = offset + length
        let unscaled = try readBytes()
        let scale = try readInt()
        guard offset == end, !unscaled.isEmpty, scale >= 0 else {
            throw AvroCodingError(.schemaMismatch, "malformed big-decimal", offset: start)
        }
        return AvroDecimal(unscaledBytes: unscaled, scale: Int(scale))
    }

    /// Reads a `uuid` on `string`; the text must be a UUID.
    public mutating func readUUID() throws(AvroCodingError) -> UUID {
        let start = offset
        let text = try readString()
        guard let value = UUID(uuidString: text) else {
            throw AvroCodingError(.schemaMismatch, "\"\(text)\" is not a UUID", offset: start)
        }
        return value
    }

    /// Reads a `uuid` on a `fixed` of 16 bytes.
    public mutating func readUUIDFixed() throws(AvroCodingError) -> UUID {
        let bytes = try readRawBytes(16)
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        return UUID(uuid: uuid)
    }

    /// Reads a `duration`.
    public mutating func readDuration() throws(AvroCodingError) -> AvroDuration {
        AvroDuration(fixedBytes: try readRawBytes(12))
    }
}
