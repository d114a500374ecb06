import Crypto

/// A fingerprint algorithm for schemas, applied to the Parsing Canonical Form.
public enum FingerprintAlgorithm: String, Sendable, CaseIterable {
    /// CRC-64-AVRO, 8 bytes, little-endian (as single-object encoding writes it).
    case rabin
    /// MD5, 16 bytes.
    case md5
    /// SHA-256, 32 bytes.
    case sha256
}

extension Schema {
    /// The CRC-64-AVRO fingerprint of the Parsing Canonical Form, the value Java's
    /// `SchemaNormalization.parsingFingerprint64` returns.
    public var rabinFingerprint: UInt64 {
        Rabin.fingerprint(canonicalForm.utf8)
    }

    /// The fingerprint bytes of the Parsing Canonical Form; Rabin's 8 bytes are little-endian, as in
    /// single-object encoding and Java's `SchemaNormalization.parsingFingerprint("CRC-64-AVRO", schema)`.
    public func fingerprint(_ algorithm: FingerprintAlgorithm) -> [UInt8] {
        let form = Array(canonicalForm.utf8)
        switch algorithm {
        case .rabin:
            let value = Rabin.fingerprint(form)
            return (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        case .md5:
            return Array(Insecure.MD5.hash(data: form))
        case .sha256:
            return Array(SHA256.hash(data: form))
        }
    }
}
