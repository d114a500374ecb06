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

// Making values from `Date`s: every instant a `Date` can sensibly hold fits in milliseconds or microseconds (±292,000
// years), so those initialisers cannot fail; nanoseconds span only 1677–2262, so theirs can.

extension AvroTimestamp where Unit: AvroWideTimeUnit {
    /// The timestamp of `date`, rounded down to a tick (saturating beyond ±292,000 years, which no real instant is).
    public init(_ date: Date) {
        ticksSinceEpoch = Unit.saturatingTicks(of: date)
    }

    /// The current instant.
    public static var now: Self { Self(Date()) }
}

extension AvroTimestamp where Unit == AvroNanoseconds {
    /// The timestamp of `date`, rounded down to a nanosecond; `nil` outside 1677–2262, the range of 64 bits.
    public init?(_ date: Date) {
        guard let ticks = Unit.ticks(of: date) else { return nil }
        ticksSinceEpoch = ticks
    }

    /// The current instant (within the 64-bit range of nanoseconds until 2262).
    public static var now: Self { Self(ticksSinceEpoch: Unit.saturatingTicks(of: Date())) }
}

extension AvroLocalTimestamp where Unit: AvroWideTimeUnit {
    /// The wall-clock reading of `date` at `secondsFromGMT` east of UTC (saturating beyond ±292,000 years).
    public init(_ date: Date, secondsFromGMT: Int) {
        ticksSinceEpoch = Unit.saturatingTicks(of: date.addingTimeInterval(Double(secondsFromGMT)))
    }
}

extension AvroLocalTimestamp where Unit == AvroNanoseconds {
    /// The wall-clock reading of `date` at `secondsFromGMT` east of UTC; `nil` outside 1677–2262.
    public init?(_ date: Date, secondsFromGMT: Int) {
        guard let ticks = Unit.ticks(of: date.addingTimeInterval(Double(secondsFromGMT))) else { return nil }
        ticksSinceEpoch = ticks
    }
}
