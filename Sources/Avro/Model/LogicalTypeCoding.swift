#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// Binary encodings of the logical types that need more than their underlying type's call, for generated code.

extension AvroBinaryWriter {
    /// Writes a `decimal` on `bytes` at the schema's `scale` (rescaled exactly, or an error).
    @inlinable public mutating func writeDecimal(_ value: AvroDecimal, scale: Int) throws(AvroCodingError) {
        if value.scale == scale {
            value.withUnscaledBytes { writeBytes($0) }
        } else {
            writeBytes(try Self.unscaled(value, scale: scale))
        }
    }

    /// Writes a `decimal` on a `fixed` of `size` bytes at the schema's `scale`.
    @inlinable public mutating func writeDecimal(_ value: AvroDecimal, scale: Int, fixedSize size: Int)
        throws(AvroCodingError)
    {
        let rescaled =
            value.scale == scale
            ? value : AvroDecimal(unscaledBytes: try Self.unscaled(value, scale: scale), scale: scale)
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

    /// Writes a `uuid` on `string`, in lowercase as Apache Avro Java writes it (formatted in place: no
    /// intermediate `String`).
    public mutating func writeUUID(_ value: UUID) {
        writeLong(36)
        withUnsafeBytes(of: value.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { writeByte(UInt8(ascii: "-")) }
                writeByte(hexDigit(byte >> 4))
                writeByte(hexDigit(byte & 0x0F))
            }
        }
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
            throw AvroCodingError(
                .schemaMismatch, "decimal \(value) cannot be written at scale \(scale) without rounding")
        }
        return rescaled.unscaledBytes
    }
}

extension AvroBinaryReader {
    /// Reads a `decimal` on `bytes`.
    @inlinable public mutating func readDecimal(scale: Int) throws(AvroCodingError) -> AvroDecimal {
        AvroDecimal(unscaledBytes: try readRawBytes(try readLength()), scale: scale)
    }

    /// Reads a `decimal` on a `fixed` of `size` bytes.
    @inlinable public mutating func readDecimal(scale: Int, fixedSize size: Int) throws(AvroCodingError) -> AvroDecimal
    {
        AvroDecimal(unscaledBytes: try readRawBytes(size), scale: scale)
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

    /// Reads a `uuid` on `string`; the text must be a UUID (`8-4-4-4-12` hexadecimal digits, either case).
    public mutating func readUUID() throws(AvroCodingError) -> UUID {
        let start = offset
        let text = try readRawBytes(try readLength())
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed =
            text.count == 36
            && withUnsafeMutableBytes(of: &uuid) { output in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        guard text[position] == UInt8(ascii: "-") else { return false }
                        position += 1
                    }
                    guard let high = hexValue(text[position]), let low = hexValue(text[position + 1]) else {
                        return false
                    }
                    output[index] = high << 4 | low
                    position += 2
                }
                return true
            }
        guard parsed else {
            throw AvroCodingError(
                .schemaMismatch, "\"\(String(decoding: text, as: UTF8.self))\" is not a UUID", offset: start)
        }
        return UUID(uuid: uuid)
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

private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
}

private func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
    default: return nil
    }
}
