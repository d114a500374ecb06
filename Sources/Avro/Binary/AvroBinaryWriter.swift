/// A growable byte buffer that writes Avro's binary encoding: the building block of every encoder.
///
/// Each write reserves room for its largest encoding once and stores through a pointer (one uniqueness and
/// capacity check per value, not per byte). Reuse one writer across datums (``removeAll(keepingCapacity:)``) to
/// avoid allocating per record.
public struct AvroBinaryWriter: Sendable {
    @usableFromInline var storage: [UInt8]

    /// The bytes written so far.
    @inlinable public var bytes: [UInt8] { storage }

    /// The number of bytes written so far.
    @inlinable public var count: Int { storage.count }

    /// Creates an empty writer with room for `capacity` bytes.
    @inlinable public init(capacity: Int = 256) {
        storage = []
        storage.reserveCapacity(capacity)
    }

    /// Forgets what was written, keeping the storage for the next datum.
    public mutating func removeAll(keepingCapacity: Bool = true) {
        storage.removeAll(keepingCapacity: keepingCapacity)
    }

    /// Makes room for at least `count` more bytes, so that the writes that follow do not reallocate.
    @inlinable public mutating func reserveCapacity(forAdditional count: Int) {
        storage.reserveCapacity(storage.count + count)
    }

    /// Appends raw bytes.
    @inlinable public mutating func writeRaw<Bytes: Sequence<UInt8>>(_ raw: Bytes) {
        storage.append(contentsOf: raw)
    }

    /// Appends one raw byte.
    @inlinable public mutating func writeByte(_ byte: UInt8) {
        storage.append(byte)
    }

    /// `true` is 1, `false` is 0.
    @inlinable public mutating func writeBoolean(_ value: Bool) {
        storage.append(value ? 1 : 0)
    }

    /// A zig-zag varint of 32 bits.
    @inlinable public mutating func writeInt(_ value: Int32) {
        writeVarint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))))
    }

    /// A zig-zag varint of 64 bits.
    @inlinable public mutating func writeLong(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// An unsigned base-128 varint, least significant group first.
    @inlinable public mutating func writeVarint(_ value: UInt64) {
        if value < 0x80 {
            storage.append(UInt8(truncatingIfNeeded: value))
        } else {
            withUnsafeSpace(atMost: 10) { Self.storeVarint(value, at: $0) }
        }
    }

    /// Four little-endian bytes of the IEEE 754 bit pattern.
    @inlinable public mutating func writeFloat(_ value: Float) {
        withUnsafeSpace(atMost: 4) { start in
            UnsafeMutableRawPointer(start).storeBytes(of: value.bitPattern.littleEndian, as: UInt32.self)
            return 4
        }
    }

    /// Eight little-endian bytes of the IEEE 754 bit pattern.
    @inlinable public mutating func writeDouble(_ value: Double) {
        withUnsafeSpace(atMost: 8) { start in
            UnsafeMutableRawPointer(start).storeBytes(of: value.bitPattern.littleEndian, as: UInt64.self)
            return 8
        }
    }

    /// A long length followed by the bytes.
    @inlinable public mutating func writeBytes<Bytes: Collection<UInt8>>(_ value: Bytes) {
        let written: Void? = value.withContiguousStorageIfAvailable { writeLengthPrefixed($0) }
        if written == nil {
            writeLong(Int64(value.count))
            storage.append(contentsOf: value)
        }
    }

    /// A long length followed by the UTF-8 bytes.
    @inlinable public mutating func writeString(_ value: String) {
        let written: Void? = value.utf8.withContiguousStorageIfAvailable { writeLengthPrefixed($0) }
        if written == nil {
            var value = value
            value.withUTF8 { writeLengthPrefixed($0) }
        }
    }

    /// The bytes of a fixed, with no length (the schema gives it).
    @inlinable public mutating func writeFixed<Bytes: Collection<UInt8>>(_ value: Bytes) {
        storage.append(contentsOf: value)
    }

    /// The count of a block of array items or map entries; a count of 0 ends the array or map.
    @inlinable public mutating func writeBlockCount(_ count: Int) {
        writeLong(Int64(count))
    }

    /// A long length and then `bytes`, stored in one step.
    @inlinable mutating func writeLengthPrefixed(_ bytes: UnsafeBufferPointer<UInt8>) {
        withUnsafeSpace(atMost: 10 + bytes.count) { start in
            let length = Int64(bytes.count)
            let prefix = Self.storeVarint(UInt64(bitPattern: (length << 1) ^ (length >> 63)), at: start)
            if let source = bytes.baseAddress { (start + prefix).update(from: source, count: bytes.count) }
            return prefix + bytes.count
        }
    }

    /// Appends up to `maxCount` bytes that `body` stores from the pointer it is given, returning how many it
    /// stored (never more than `maxCount`): one uniqueness and capacity check for a whole value.
    @inlinable @inline(__always)
    mutating func withUnsafeSpace(atMost maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        storage.append(addingCapacity: maxCount) { (span: inout OutputSpan<UInt8>) in
            span.withUnsafeMutableBufferPointer { buffer, initialized in
                let stored = body(buffer.baseAddress.unsafelyUnwrapped + initialized)
                precondition(stored <= maxCount, "a write stored more than it reserved")
                initialized += stored
            }
        }
    }

    /// Stores `value` as a base-128 varint at `start` (room for 10 bytes) and returns its length.
    @inlinable @inline(__always)
    static func storeVarint(_ value: UInt64, at start: UnsafeMutablePointer<UInt8>) -> Int {
        var value = value
        var index = 0
        while value >= 0x80 {
            start[index] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            index += 1
        }
        start[index] = UInt8(truncatingIfNeeded: value)
        return index + 1
    }
}
