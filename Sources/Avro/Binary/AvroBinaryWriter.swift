/// A growable byte buffer that writes Avro's binary encoding: the building block of every encoder.
///
/// Reuse one writer across datums (``removeAll(keepingCapacity:)``) to avoid allocating per record.
public struct AvroBinaryWriter: Sendable {
    @usableFromInline var storage: [UInt8]

    /// The bytes written so far.
    @inlinable public var bytes: [UInt8] { storage }

    /// Creates an empty writer with room for `capacity` bytes.
    @inlinable public init(capacity: Int = 256) {
        storage = []
        storage.reserveCapacity(capacity)
    }

    /// Forgets what was written, keeping the storage for the next datum.
    public mutating func removeAll(keepingCapacity: Bool = true) {
        storage.removeAll(keepingCapacity: keepingCapacity)
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
        var value = value
        while value >= 0x80 {
            storage.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        storage.append(UInt8(truncatingIfNeeded: value))
    }

    /// Four little-endian bytes of the IEEE 754 bit pattern.
    @inlinable public mutating func writeFloat(_ value: Float) {
        let bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: bits) { storage.append(contentsOf: $0) }
    }

    /// Eight little-endian bytes of the IEEE 754 bit pattern.
    @inlinable public mutating func writeDouble(_ value: Double) {
        let bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: bits) { storage.append(contentsOf: $0) }
    }

    /// A long length followed by the bytes.
    @inlinable public mutating func writeBytes<Bytes: Collection<UInt8>>(_ value: Bytes) {
        writeLong(Int64(value.count))
        storage.append(contentsOf: value)
    }

    /// A long length followed by the UTF-8 bytes.
    @inlinable public mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            writeLong(Int64(utf8.count))
            storage.append(contentsOf: utf8)
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
}
