/// A time of day as Avro's `time-millis` and `time-micros` store it: ticks of `Unit` after midnight, in no
/// particular time zone.
public struct AvroTimeOfDay<Unit: AvroTimeUnit>: Sendable, Hashable, Comparable, Codable {
    /// Ticks after midnight (a valid time of day is below one day's ticks; `time-millis` stores 32 bits).
    public var ticksSinceMidnight: Int64

    /// A time of day from its ticks.
    public init(ticksSinceMidnight: Int64) {
        self.ticksSinceMidnight = ticksSinceMidnight
    }

    /// The time `hour:minute:second` plus `fraction` ticks; `nil` unless every part is in its range.
    public init?(hour: Int, minute: Int, second: Int, fraction: Int64 = 0) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second),
            (0..<Unit.ticksPerSecond).contains(fraction)
        else { return nil }
        ticksSinceMidnight = Int64(hour * 3600 + minute * 60 + second) * Unit.ticksPerSecond + fraction
    }

    /// The time since midnight as a `Swift.Duration`.
    public var durationSinceMidnight: Swift.Duration { Unit.duration(ticks: ticksSinceMidnight) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ticksSinceMidnight < rhs.ticksSinceMidnight }

    public init(from decoder: any Decoder) throws {
        ticksSinceMidnight = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ticksSinceMidnight)
    }
}
