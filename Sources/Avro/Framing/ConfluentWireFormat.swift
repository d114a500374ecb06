/// Confluent Schema Registry's wire format: byte `0`, the 4-byte big-endian schema id, then the datum.
public enum ConfluentWireFormat {
    /// The byte every message starts with (`0`, the only version of the format).
    public static let magic: UInt8 = 0
    /// The bytes before the datum: the magic byte and the 4-byte schema id.
    public static let headerSize = 5

    /// The header for schema `id`.
    public static func header(schemaID id: Int32) -> [UInt8] {
        var writer = AvroBinaryWriter(capacity: headerSize)
        writeHeader(schemaID: id, to: &writer)
        return writer.bytes
    }

    /// Appends the header for schema `id` to `writer` with one append (the bytes laid out in a little-endian word).
    @inlinable public static func writeHeader(schemaID id: Int32, to writer: inout AvroBinaryWriter) {
        let bits = UInt64(UInt32(bitPattern: id))
        let word =
            UInt64(magic) | (bits >> 24 & 0xFF) << 8 | (bits >> 16 & 0xFF) << 16 | (bits >> 8 & 0xFF) << 24
            | (bits & 0xFF) << 32
        withUnsafeBytes(of: word.littleEndian) { writer.writeRaw(UnsafeRawBufferPointer(rebasing: $0[0..<headerSize])) }
    }

    /// `datum` framed for schema `id`.
    public static func frame(_ datum: [UInt8], schemaID id: Int32) -> [UInt8] {
        header(schemaID: id) + datum
    }

    /// The schema id and the datum of a framed message (`[UInt8]` gives an `ArraySlice`; any collection of bytes
    /// its own slice, without copying).
    @inlinable public static func unframe<Bytes: Collection<UInt8>>(_ message: Bytes) throws(FramingError) -> (
        schemaID: Int32, datum: Bytes.SubSequence
    ) {
        var index = message.startIndex
        guard index != message.endIndex, message[index] == magic else {
            throw .wrongMagic(expected: [magic], found: Array(message.prefix(1)))
        }
        var id: UInt32 = 0
        for _ in 0..<4 {
            message.formIndex(after: &index)
            guard index != message.endIndex else { throw .truncated(needed: headerSize, found: message.count) }
            id = id << 8 | UInt32(message[index])
        }
        message.formIndex(after: &index)
        return (Int32(bitPattern: id), message[index...])
    }
}
