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

extension AvroTimeUnit {
    /// `ticks` since the Unix epoch as a `Date` (sub-microsecond ticks are beyond a `Date`'s precision).
    static func date(ticks: Int64) -> Date {
        let (seconds, remainder) = ticks.quotientAndRemainder(dividingBy: ticksPerSecond)
        return Date(
            timeIntervalSince1970: Double(seconds) + Double(remainder) / Double(ticksPerSecond))
    }

    /// The ticks since the Unix epoch of `date`, rounded down; `nil` when they do not fit in 64 bits.
    static func ticks(of date: Date) -> Int64? {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        let fraction = ((interval - seconds) * Double(ticksPerSecond)).rounded(.down)
        guard let whole = Int64(exactly: seconds) else { return nil }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: ticksPerSecond)
        guard !overflow else { return nil }
        let (sum, overflowAgain) = scaled.addingReportingOverflow(Int64(fraction))
        return overflowAgain ? nil : sum
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
