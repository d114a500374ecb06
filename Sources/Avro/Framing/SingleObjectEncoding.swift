/// Avro single-object encoding: `C3 01`, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer
/// schema's canonical form, then the datum.
public enum SingleObjectEncoding {
    /// The two marker bytes.
    public static let magic: [UInt8] = [0xC3, 0x01]
    /// The bytes before the datum: the two marker bytes and the 8-byte fingerprint.
    public static let headerSize = 10

    /// The header for data written with `schema`.
    public static func header(for schema: Schema) -> [UInt8] {
        header(fingerprint: schema.rabinFingerprint)
    }

    /// The header for a schema with `fingerprint`.
    public static func header(fingerprint: UInt64) -> [UInt8] {
        magic + (0..<8).map { UInt8(truncatingIfNeeded: fingerprint >> (8 * $0)) }
    }

    /// `datum` framed for `schema`.
    public static func frame(_ datum: [UInt8], schema: Schema) -> [UInt8] {
        header(for: schema) + datum
    }

    /// The fingerprint and the datum of a framed message.
    public static func unframe(_ message: [UInt8]) throws(FramingError) -> (
        fingerprint: UInt64, datum: ArraySlice<UInt8>
    ) {
        guard message.starts(with: magic) else {
            if message.count < magic.count && magic.starts(with: message) {
                throw .truncated(needed: headerSize, found: message.count)
            }
            throw .wrongMagic(expected: magic, found: Array(message.prefix(2)))
        }
        guard message.count >= headerSize else { throw .truncated(needed: headerSize, found: message.count) }
        var fingerprint: UInt64 = 0
        for index in 0..<8 { fingerprint |= UInt64(message[2 + index]) << (8 * index) }
        return (fingerprint, message[headerSize...])
    }
}
