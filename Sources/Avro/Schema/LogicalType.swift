/// A logical type of the Avro 1.12 specification that is valid where it is used.
public enum LogicalType: Sendable, Hashable {
    /// An arbitrary-precision signed decimal: unscaled two's-complement integer in `bytes` or `fixed`.
    case decimal(precision: Int, scale: Int)
    /// A decimal whose scale is stored with each value (`bytes` only).
    case bigDecimal
    /// An RFC 4122 UUID (`string`, or `fixed` of size 16).
    case uuid
    /// Days since the Unix epoch (`int`).
    case date
    /// Milliseconds after midnight (`int`).
    case timeMillis
    /// Microseconds after midnight (`long`).
    case timeMicros
    /// Milliseconds since the Unix epoch, UTC (`long`).
    case timestampMillis
    /// Microseconds since the Unix epoch, UTC (`long`).
    case timestampMicros
    /// Nanoseconds since the Unix epoch, UTC (`long`).
    case timestampNanos
    /// Milliseconds since the epoch in an unspecified local time zone (`long`).
    case localTimestampMillis
    /// Microseconds since the epoch in an unspecified local time zone (`long`).
    case localTimestampMicros
    /// Nanoseconds since the epoch in an unspecified local time zone (`long`).
    case localTimestampNanos
    /// Months, days and milliseconds as three little-endian unsigned 32-bit integers (`fixed` of size 12).
    case duration

    /// The `logicalType` attribute value.
    public var name: String {
        switch self {
        case .decimal: return "decimal"
        case .bigDecimal: return "big-decimal"
        case .uuid: return "uuid"
        case .date: return "date"
        case .timeMillis: return "time-millis"
        case .timeMicros: return "time-micros"
        case .timestampMillis: return "timestamp-millis"
        case .timestampMicros: return "timestamp-micros"
        case .timestampNanos: return "timestamp-nanos"
        case .localTimestampMillis: return "local-timestamp-millis"
        case .localTimestampMicros: return "local-timestamp-micros"
        case .localTimestampNanos: return "local-timestamp-nanos"
        case .duration: return "duration"
        }
    }

    /// Every logical type name the specification defines.
    package static let knownNames: Set<String> = [
        "decimal", "big-decimal", "uuid", "date", "time-millis", "time-micros", "timestamp-millis",
        "timestamp-micros", "timestamp-nanos", "local-timestamp-millis", "local-timestamp-micros",
        "local-timestamp-nanos", "duration",
    ]

    /// The largest decimal precision a fixed of `size` bytes can hold: ⌊log10(2^(8·size−1) − 1)⌋.
    package static func maxDecimalPrecision(fixedSize size: Int) -> Int {
        guard size > 0 else { return 0 }
        // Number of decimal digits of 2^(8·size−1) − 1, computed exactly with a decimal digit array.
        var digits: [UInt8] = [1]  // little-endian decimal digits of 2^k
        for _ in 0..<(8 * size - 1) {
            var carry: UInt8 = 0
            for index in digits.indices {
                let doubled = digits[index] * 2 + carry
                digits[index] = doubled % 10
                carry = doubled / 10
            }
            if carry > 0 { digits.append(carry) }
        }
        // ⌊log10(x)⌋ is x's digit count minus one, and 2^k − 1 has as many digits as 2^k (no power of two ≥ 2
        // is a power of ten).
        return digits.count - 1
    }
}

/// A `logicalType` attribute that the parser ignored, as the specification requires for unknown or invalid
/// logical types. The schema uses the underlying type; lint reports these.
public struct IgnoredLogicalType: Sendable, Hashable {
    /// The attribute's value as written (empty when it is not a string).
    public var name: String
    /// Why it was ignored.
    public var reason: String

    /// Creates a record of an ignored logical type.
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}
