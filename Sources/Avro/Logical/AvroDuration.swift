/// An amount of time as Avro's `duration` stores it: months, days and milliseconds, each an unsigned 32-bit
/// number, independent of each other (a month is not a fixed number of days).
public struct AvroDuration: Sendable, Hashable, Codable {
    /// Whole months.
    public var months: UInt32
    /// Whole days.
    public var days: UInt32
    /// Milliseconds on top of the months and days (up to 49 days' worth; they do not carry into days).
    public var milliseconds: UInt32

    /// A duration from its three parts.
    public init(months: UInt32 = 0, days: UInt32 = 0, milliseconds: UInt32 = 0) {
        self.months = months
        self.days = days
        self.milliseconds = milliseconds
    }

    /// The twelve bytes of the `fixed`: the three parts, little-endian.
    public var fixedBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12)
        for part in [months, days, milliseconds] {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: part >> shift)) }
        }
        return bytes
    }

    /// A duration from the twelve bytes of its `fixed`, or `nil` when there are not exactly twelve.
    public init?<Bytes: Collection<UInt8>>(fixedBytes bytes: Bytes) where Bytes.Index == Int {
        guard bytes.count == 12 else { return nil }
        func part(_ index: Int) -> UInt32 {
            let start = bytes.startIndex + index * 4
            return (0..<4).reduce(0) { $0 | UInt32(bytes[start + $1]) << ($1 * 8) }
        }
        self.init(months: part(0), days: part(1), milliseconds: part(2))
    }
}
