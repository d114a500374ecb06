/// Why a framed message could not be read.
public enum FramingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message does not start with the framing's marker.
    case wrongMagic(expected: [UInt8], found: [UInt8])
    /// The message is shorter than the framing's header.
    case truncated(needed: Int, found: Int)
    /// No schema is known for the fingerprint of a single-object message.
    case unknownFingerprint(UInt64)
    /// No schema is known for the id of a Confluent-framed message.
    case unknownSchemaID(Int32)

    public var description: String {
        func hex(_ bytes: [UInt8]) -> String {
            bytes.map { String(decoding: [lowercaseHexDigit($0 >> 4), lowercaseHexDigit($0 & 0x0F)], as: UTF8.self) }
                .joined(separator: " ")
        }
        switch self {
        case .wrongMagic(let expected, let found):
            return "wrong magic bytes: expected \(hex(expected)), found \(hex(found))"
        case .truncated(let needed, let found):
            return "message too short: the header needs \(needed) bytes, found \(found)"
        case .unknownFingerprint(let fingerprint):
            return "no schema known for fingerprint \(String(fingerprint, radix: 16))"
        case .unknownSchemaID(let id):
            return "no schema known for id \(id)"
        }
    }
}
