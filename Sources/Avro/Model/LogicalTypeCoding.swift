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
        // Two 64-bit halves, 4 bits per digit, over the fixed digit groups 8-4-4-4-12 (no per-digit position
        // checks); any invalid digit sets `bad`.
        var invalid = text.count != 36
        var halves: (UInt64, UInt64) = (0, 0)
        if !invalid, let base = text.baseAddress {
            invalid = base[8] != 0x2D || base[13] != 0x2D || base[18] != 0x2D || base[23] != 0x2D
            var bad: UInt8 = 0
            @inline(__always) func digits(_ range: Range<Int>, into value: inout UInt64) {
                for index in range {
                    bad |= hexDigitIsInvalid(base[index])
                    value = value << 4 | UInt64(hexNibble(base[index]))
                }
            }
            var high: UInt64 = 0
            var low: UInt64 = 0
            digits(0..<8, into: &high)
            digits(9..<13, into: &high)
            digits(14..<18, into: &high)
            digits(19..<23, into: &low)
            digits(24..<36, into: &low)
            halves = (high.bigEndian, low.bigEndian)
            invalid = invalid || bad != 0
        }
        guard !invalid else {
            throw AvroCodingError(
                .schemaMismatch, "\"\(String(decoding: text, as: UTF8.self))\" is not a UUID", offset: start)
        }
        return withUnsafeBytes(of: halves) { UUID(uuid: $0.load(as: uuid_t.self)) }
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
        let bytes = try readRawBytes(12)
        guard let duration = AvroDuration(fixedBytes: bytes) else {
            throw error(.truncated, "a duration is 12 bytes, \(bytes.count) read")
        }
        return duration
    }
}

private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
}

// Branch-free hexadecimal digits: the digits of random UUIDs mix numbers and letters unpredictably.

/// The value of a hexadecimal digit of either case (meaningless when the digit is invalid).
@inline(__always) private func hexNibble(_ character: UInt8) -> UInt8 {
    (character & 0x0F) &+ 9 &* (character >> 6)
}

/// 1 when `character` is not a hexadecimal digit, else 0.
@inline(__always) private func hexDigitIsInvalid(_ character: UInt8) -> UInt8 {
    let isDecimal: UInt8 = (character &- UInt8(ascii: "0")) < 10 ? 1 : 0
    let isLetter: UInt8 = ((character | 0x20) &- UInt8(ascii: "a")) < 6 ? 1 : 0
    return (isDecimal | isLetter) ^ 1
}
