/// Reads Avro's binary encoding from contiguous bytes: the building block of every decoder.
///
/// A reader borrows its bytes: create it inside ``withReader(_:limits:_:)`` (or from a buffer you keep alive)
/// and do not let it escape. Every read checks the remaining input first; nothing traps on bad input.
public struct AvroBinaryReader {
    @usableFromInline let base: UnsafePointer<UInt8>?
    @usableFromInline let end: Int
    @usableFromInline var position: Int

    /// The offset of the next byte to read.
    public var offset: Int { position }
    /// The bounds applied to lengths, counts and nesting.
    public let limits: AvroDecodingLimits
    /// The current nesting depth (records, arrays, maps, unions).
    public var depth: Int = 0
    /// The array items and map entries read so far, in every collection: checked against
    /// ``AvroDecodingLimits/maxTotalItems``.
    public var totalItems: Int { itemsCharged }
    @usableFromInline var itemsCharged: Int = 0

    /// A reader over `buffer`, which must outlive it.
    @inlinable public init(_ buffer: UnsafeRawBufferPointer, limits: AvroDecodingLimits = .default) {
        base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        end = buffer.count
        position = 0
        self.limits = limits
    }

    /// Runs `body` with a reader over `bytes` (`[UInt8]`, `ArraySlice<UInt8>`, `Data` or any contiguous bytes are
    /// read in place; other collections are copied once).
    @inlinable public static func withReader<Bytes: Collection<UInt8>, Result>(
        _ bytes: Bytes, limits: AvroDecodingLimits = .default,
        _ body: (inout AvroBinaryReader) throws(AvroCodingError) -> Result
    ) throws(AvroCodingError) -> Result {
        func run(_ buffer: UnsafeRawBufferPointer) -> Swift.Result<Result, AvroCodingError> {
            var reader = AvroBinaryReader(buffer, limits: limits)
            do throws(AvroCodingError) {
                return .success(try body(&reader))
            } catch {
                return .failure(error)
            }
        }
        let result =
            bytes.withContiguousStorageIfAvailable { run(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { run($0) }
        return try result.get()
    }

    /// The number of bytes not read yet.
    @inlinable public var remaining: Int { end - position }

    /// Whether every byte was read.
    @inlinable public var isAtEnd: Bool { position >= end }

    public func error(_ kind: AvroCodingError.Kind, _ message: String) -> AvroCodingError {
        AvroCodingError(kind, message, offset: position)
    }

    /// One raw byte.
    @inlinable public mutating func readByte() throws(AvroCodingError) -> UInt8 {
        guard position < end, let base else { throw error(.truncated, "unexpected end of input") }
        let byte = base[position]
        position += 1
        return byte
    }

    /// A boolean: byte 0 or 1.
    @inlinable public mutating func readBoolean() throws(AvroCodingError) -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let other: throw error(.schemaMismatch, "invalid boolean byte \(other)")
        }
    }

    /// An unsigned varint of at most 10 bytes.
    @inlinable public mutating func readVarint() throws(AvroCodingError) -> UInt64 {
        // One byte is the common case (small lengths, counts, branches, indexes).
        if position < end, let base, base[position] < 0x80 {
            position += 1
            return UInt64(base[position - 1])
        }
        return try readLongVarint()
    }

    @usableFromInline mutating func readLongVarint() throws(AvroCodingError) -> UInt64 {
        guard let base else { throw error(.truncated, "unexpected end of input") }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw error(.truncated, "unexpected end of input inside a varint") }
            let byte = base[position]
            position += 1
            if shift == 63 && byte > 1 { throw error(.invalidVarint, "varint longer than 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A zig-zag long.
    @inlinable public mutating func readLong() throws(AvroCodingError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A zig-zag int; values outside 32 bits are an error.
    @inlinable public mutating func readInt() throws(AvroCodingError) -> Int32 {
        let value = try readLong()
        guard let narrow = Int32(exactly: value) else { throw error(.invalidVarint, "int out of range: \(value)") }
        return narrow
    }

    /// A little-endian IEEE 754 single.
    @inlinable public mutating func readFloat() throws(AvroCodingError) -> Float {
        guard remaining >= 4, let base else { throw error(.truncated, "unexpected end of input inside a float") }
        var bits: UInt32 = 0
        for index in 0..<4 { bits |= UInt32(base[position + index]) << (8 * index) }
        position += 4
        return Float(bitPattern: bits)
    }

    /// A little-endian IEEE 754 double.
    @inlinable public mutating func readDouble() throws(AvroCodingError) -> Double {
        guard remaining >= 8, let base else { throw error(.truncated, "unexpected end of input inside a double") }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(base[position + index]) << (8 * index) }
        position += 8
        return Double(bitPattern: bits)
    }

    /// A length prefix, checked against the remaining input and the limits.
    @inlinable public mutating func readLength() throws(AvroCodingError) -> Int {
        let length = try readLong()
        guard length >= 0 else { throw error(.invalidLength, "negative length \(length)") }
        // The limit first: a stream reader that reads more input on `.truncated` never buffers past it.
        guard length <= limits.maxBytesLength else {
            throw error(.invalidLength, "length \(length) exceeds the limit of \(limits.maxBytesLength)")
        }
        guard length <= remaining else {
            throw error(.truncated, "length \(length) exceeds the \(remaining) bytes left")
        }
        return Int(length)
    }

    /// `count` raw bytes, without copying; valid while the underlying buffer is.
    @inlinable public mutating func readRawBytes(_ count: Int) throws(AvroCodingError) -> UnsafeBufferPointer<UInt8> {
        guard count >= 0, count <= remaining else {
            throw error(.truncated, "\(count) bytes expected, \(remaining) left")
        }
        let slice = UnsafeBufferPointer(start: base.map { $0 + position }, count: count)
        position += count
        return slice
    }

    /// A length-prefixed byte string.
    @inlinable public mutating func readBytes() throws(AvroCodingError) -> [UInt8] {
        Array(try readRawBytes(try readLength()))
    }

    /// A length-prefixed UTF-8 string; invalid UTF-8 is an error.
    @inlinable public mutating func readString() throws(AvroCodingError) -> String {
        let start = position
        let raw = try readRawBytes(try readLength())
        // ASCII needs no validation; anything else is checked once. (`String(validating:)` alone is slower.)
        if Self.isASCII(raw) { return String(decoding: raw, as: UTF8.self) }
        guard let string = String(validating: raw, as: UTF8.self) else {
            throw AvroCodingError(.invalidUTF8, "string is not valid UTF-8", offset: start)
        }
        return string
    }

    /// Whether every byte is below 0x80, eight bytes at a time.
    @inlinable static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(start)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// The bytes of a fixed of `size`.
    @inlinable public mutating func readFixed(_ size: Int) throws(AvroCodingError) -> [UInt8] {
        Array(try readRawBytes(size))
    }

    /// Skips `count` bytes.
    @inlinable public mutating func skip(_ count: Int) throws(AvroCodingError) {
        _ = try readRawBytes(count)
    }

    /// The item count of the next block of an array or map (0 ends it). A negative count is followed by the
    /// block's size in bytes, which is read and ignored. `itemsSoFar` is checked against the limit.
    @inlinable public mutating func readBlockCount(itemsSoFar: Int) throws(AvroCodingError) -> Int {
        let count = try readBlockHeader().count
        try chargeItems(count, itemsSoFar: itemsSoFar)
        return Int(count)
    }

    /// The header of the next block of an array or map: its item count (0 ends the collection) and, when the
    /// writer gave it (by writing the count negated), the block's size in bytes.
    @inlinable mutating func readBlockHeader() throws(AvroCodingError) -> (count: Int64, size: Int64?) {
        let count = try readLong()
        guard count < 0 else { return (count, nil) }
        guard count != .min else { throw error(.invalidLength, "invalid block count") }
        let size = try readLong()
        guard size >= 0 else { throw error(.invalidLength, "negative block size \(size)") }
        return (-count, size)
    }

    /// Fails with ``AvroCodingError/Kind/trailingBytes`` unless every byte was read: the check that the input
    /// held exactly one datum.
    @inlinable func expectEnd() throws(AvroCodingError) {
        guard isAtEnd else { throw error(.trailingBytes, "\(remaining) bytes after the datum") }
    }

    /// Counts `count` more items of a collection that has `itemsSoFar`, against the per-collection limit and the
    /// budget of the whole datum.
    @inlinable public mutating func chargeItems(_ count: Int64, itemsSoFar: Int) throws(AvroCodingError) {
        guard count <= Int64(limits.maxCollectionItems) - Int64(itemsSoFar) else {
            throw error(.invalidLength, "more than \(limits.maxCollectionItems) items in one array or map")
        }
        guard count <= Int64(limits.maxTotalItems) - Int64(itemsCharged) else {
            throw error(.invalidLength, "more than \(limits.maxTotalItems) array items and map entries in one datum")
        }
        itemsCharged += Int(count)
    }

    /// Enters a nested value, checking the depth limit.
    @inlinable public mutating func enter() throws(AvroCodingError) {
        depth += 1
        guard depth <= limits.maxDepth else { throw error(.tooDeep, "nesting deeper than \(limits.maxDepth)") }
    }

    /// Leaves a nested value.
    @inlinable public mutating func leave() {
        depth -= 1
    }
}
