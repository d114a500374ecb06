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
        withUnsafeSpace(atMost: 37) { start in
            let u = value.uuid
            @inline(__always) func digits(_ byte: UInt8, at offset: Int) {
                start[offset] = lowercaseHexDigit(byte >> 4)
                start[offset + 1] = lowercaseHexDigit(byte & 0x0F)
            }
            start[0] = 72  // the zig-zag length 36
            digits(u.0, at: 1)
            digits(u.1, at: 3)
            digits(u.2, at: 5)
            digits(u.3, at: 7)
            start[9] = UInt8(ascii: "-")
            digits(u.4, at: 10)
            digits(u.5, at: 12)
            start[14] = UInt8(ascii: "-")
            digits(u.6, at: 15)
            digits(u.7, at: 17)
            start[19] = UInt8(ascii: "-")
            digits(u.8, at: 20)
            digits(u.9, at: 22)
            start[24] = UInt8(ascii: "-")
            digits(u.10, at: 25)
            digits(u.11, at: 27)
            digits(u.12, at: 29)
            digits(u.13, at: 31)
            digits(u.14, at: 33)
            digits(u.15, at: 35)
            return 37
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

/// The lowercase hexadecimal digit of `nibble` (0–15), without a branch: `a`–`f` are 39 past `:`.
@inline(__always) @usableFromInline func lowercaseHexDigit(_ nibble: UInt8) -> UInt8 {
    UInt8(ascii: "0") &+ nibble &+ 39 &* ((9 &- nibble) >> 7)
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
