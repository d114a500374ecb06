/// Confluent Schema Registry's wire format: byte `0`, the 4-byte big-endian schema id, then the datum.
public enum ConfluentWireFormat {
    /// The magic byte.
    public static let magic: UInt8 = 0
    /// Magic byte plus id.
    public static let headerSize = 5

    /// The header for schema `id`.
    public static func header(schemaID id: Int32) -> [UInt8] {
        let bits = UInt32(bitPattern: id)
        return [
            magic, UInt8(bits >> 24), UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 8),
            UInt8(truncatingIfNeeded: bits),
        ]
    }

    /// `datum` framed for schema `id`.
    public static func frame(_ datum: [UInt8], schemaID id: Int32) -> [UInt8] {
        header(schemaID: id) + datum
    }

    /// The schema id and the datum of a framed message.
    public static func unframe(_ message: [UInt8]) throws(FramingError) -> (schemaID: Int32, datum: ArraySlice<UInt8>) {
        guard let first = message.first, first == magic else {
            throw .wrongMagic(expected: [magic], found: Array(message.prefix(1)))
        }
        guard message.count >= headerSize else { throw .truncated(needed: headerSize, found: message.count) }
        let id = message[1...4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return (Int32(bitPattern: id), message[headerSize...])
    }
}
