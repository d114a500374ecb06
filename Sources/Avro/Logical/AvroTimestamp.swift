#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An instant as Avro's `timestamp-millis`, `timestamp-micros` and `timestamp-nanos` store it: ticks of `Unit`
/// since 1970-01-01T00:00:00Z. Keeps every tick (a `Date` would round nanoseconds and far instants).
public struct AvroTimestamp<Unit: AvroTimeUnit>: Sendable, Hashable, Comparable, Codable {
    /// Ticks since the Unix epoch (negative before it).
    public var ticksSinceEpoch: Int64

    /// A timestamp from its ticks.
    public init(ticksSinceEpoch: Int64) {
        self.ticksSinceEpoch = ticksSinceEpoch
    }

    /// The timestamp of `date`, rounded down to a tick; `nil` when it is out of the 64-bit range.
    public init?(_ date: Date) {
        guard let ticks = Unit.ticks(of: date) else { return nil }
        ticksSinceEpoch = ticks
    }

    /// The instant as a `Date`.
    public var date: Date { Unit.date(ticks: ticksSinceEpoch) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ticksSinceEpoch < rhs.ticksSinceEpoch }

    public init(from decoder: any Decoder) throws {
        ticksSinceEpoch = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ticksSinceEpoch)
    }
}

/// A date and time on a wall clock, in no particular time zone, as Avro's `local-timestamp-*` types store it:
/// ticks of `Unit` since 1970-01-01T00:00:00 local time.
public struct AvroLocalTimestamp<Unit: AvroTimeUnit>: Sendable, Hashable, Comparable, Codable {
    /// Ticks since the local epoch.
    public var ticksSinceEpoch: Int64

    /// A local timestamp from its ticks.
    public init(ticksSinceEpoch: Int64) {
        self.ticksSinceEpoch = ticksSinceEpoch
    }

    /// The wall-clock reading of `date` at `secondsFromGMT` east of UTC; `nil` when out of range.
    public init?(_ date: Date, secondsFromGMT: Int) {
        guard let ticks = Unit.ticks(of: date.addingTimeInterval(Double(secondsFromGMT))) else { return nil }
        ticksSinceEpoch = ticks
    }

    /// The instant this wall-clock time denotes at `secondsFromGMT` east of UTC.
    public func date(secondsFromGMT: Int) -> Date {
        Unit.date(ticks: ticksSinceEpoch).addingTimeInterval(-Double(secondsFromGMT))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ticksSinceEpoch < rhs.ticksSinceEpoch }

    public init(from decoder: any Decoder) throws {
        ticksSinceEpoch = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ticksSinceEpoch)
    }
}
