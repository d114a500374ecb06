/// The CRC-64-AVRO fingerprint (a Rabin fingerprint) of the specification.
package enum Rabin {
    /// The empty fingerprint, which is also the polynomial.
    package static let empty: UInt64 = 0xc15d_213a_a4d7_a795

    private static let table: [UInt64] = (0..<256).map { index -> UInt64 in
        var fingerprint = UInt64(index)
        for _ in 0..<8 {
            // UInt64 shifts are logical, as the specification's Java `>>>` requires.
            fingerprint = (fingerprint >> 1) ^ (empty & (0 &- (fingerprint & 1)))
        }
        return fingerprint
    }

    /// The 64-bit fingerprint of `bytes`.
    package static func fingerprint<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var fingerprint = empty
        table.withUnsafeBufferPointer { table in
            for byte in bytes {
                fingerprint = (fingerprint >> 8) ^ table[Int(truncatingIfNeeded: fingerprint ^ UInt64(byte)) & 0xFF]
            }
        }
        return fingerprint
    }
}
