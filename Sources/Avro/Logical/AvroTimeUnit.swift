#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The precision of an Avro time logical type: how many of its ticks make a second.
public protocol AvroTimeUnit: Sendable {
    /// Ticks per second (1 000, 1 000 000 or 1 000 000 000).
    static var ticksPerSecond: Int64 { get }
}

/// Milliseconds (`time-millis`, `timestamp-millis`, `local-timestamp-millis`).
public enum AvroMilliseconds: AvroTimeUnit {
    public static var ticksPerSecond: Int64 { 1_000 }
}

/// Microseconds (`time-micros`, `timestamp-micros`, `local-timestamp-micros`).
public enum AvroMicroseconds: AvroTimeUnit {
    public static var ticksPerSecond: Int64 { 1_000_000 }
}

/// Nanoseconds (`timestamp-nanos`, `local-timestamp-nanos`).
public enum AvroNanoseconds: AvroTimeUnit {
    public static var ticksPerSecond: Int64 { 1_000_000_000 }
}

/// A unit whose 64-bit tick count spans every instant a `Date` can sensibly hold (±292,000 years or more), so
/// values of it are made from a `Date` without failing.
public protocol AvroWideTimeUnit: AvroTimeUnit {}

extension AvroMilliseconds: AvroWideTimeUnit {}
extension AvroMicroseconds: AvroWideTimeUnit {}

extension AvroTimeUnit {
    /// `ticks` since the Unix epoch as a `Date` (sub-microsecond ticks are beyond a `Date`'s precision).
    static func date(ticks: Int64) -> Date {
        let (seconds, remainder) = ticks.quotientAndRemainder(dividingBy: ticksPerSecond)
        return Date(
            timeIntervalSince1970: Double(seconds) + Double(remainder) / Double(ticksPerSecond))
    }

    /// The ticks since the Unix epoch of `date`, rounded down; `nil` when they do not fit in 64 bits. (A `Date`
    /// is a `Double` of seconds: beyond its precision, so are the ticks.)
    static func ticks(of date: Date) -> Int64? {
        let exact = date.timeIntervalSince1970 * Double(ticksPerSecond)
        // A `Date` counts from 2001, so 1970-based values carry a tiny error: snap to a tick within a thousandth.
        let nearest = exact.rounded()
        let ticks = abs(exact - nearest) < 1e-3 ? nearest : exact.rounded(.down)
        guard ticks >= -9.223_372_036_854_775e18, ticks < 9.223_372_036_854_775e18 else { return nil }
        return Int64(ticks)
    }

    /// The ticks of `date` as ``ticks(of:)`` gives them, clamped to the 64-bit range (a `Date` of NaN seconds,
    /// which is no instant, gives the epoch).
    static func saturatingTicks(of date: Date) -> Int64 {
        if let ticks = ticks(of: date) { return ticks }
        let seconds = date.timeIntervalSince1970
        return seconds.isNaN ? 0 : seconds < 0 ? .min : .max
    }

    /// `ticks` as a `Swift.Duration`.
    static func duration(ticks: Int64) -> Swift.Duration {
        let (seconds, remainder) = ticks.quotientAndRemainder(dividingBy: ticksPerSecond)
        return .seconds(seconds) + .nanoseconds(remainder * (1_000_000_000 / ticksPerSecond))
    }
}

/// `time-millis`.
public typealias AvroTimeMillis = AvroTimeOfDay<AvroMilliseconds>
/// `time-micros`.
public typealias AvroTimeMicros = AvroTimeOfDay<AvroMicroseconds>
/// `timestamp-millis`.
public typealias AvroTimestampMillis = AvroTimestamp<AvroMilliseconds>
/// `timestamp-micros`.
public typealias AvroTimestampMicros = AvroTimestamp<AvroMicroseconds>
/// `timestamp-nanos`.
public typealias AvroTimestampNanos = AvroTimestamp<AvroNanoseconds>
/// `local-timestamp-millis`.
public typealias AvroLocalTimestampMillis = AvroLocalTimestamp<AvroMilliseconds>
/// `local-timestamp-micros`.
public typealias AvroLocalTimestampMicros = AvroLocalTimestamp<AvroMicroseconds>
/// `local-timestamp-nanos`.
public typealias AvroLocalTimestampNanos = AvroLocalTimestamp<AvroNanoseconds>
