import Foundation

/// One measured leg of the pipeline: the time spent in it (a monotonic clock, only around the work itself), the
/// records it handled and the bytes it produced or consumed.
struct Leg {
    let name: String
    var duration: Duration = .zero
    var records = 0
    var bytes = 0

    init(_ name: String) {
        self.name = name
    }

    /// Runs `body` under the clock and counts what it handled.
    mutating func measure<T>(records: Int = 0, _ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        let result = try await body()
        duration += ContinuousClock.now - start
        self.records += records
        return result
    }

    /// Runs synchronous `body` under the clock and counts what it handled.
    mutating func measureSync<T>(records: Int = 0, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let result = try body()
        duration += ContinuousClock.now - start
        self.records += records
        return result
    }

    var seconds: Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `name  1,000,000 records  0.61 s  1.64 M records/s  295.1 MB/s` (MB = 10^6 bytes).
    var summary: String {
        let perSecond = Double(records) / seconds
        let megabytes = Double(bytes) / 1e6 / seconds
        return name.padding(toLength: 44, withPad: " ", startingAt: 0)
            + String(
                format: "%10d records %7.2f s %6.2f M records/s %8.1f MB/s", records, seconds, perSecond / 1e6,
                megabytes)
    }
}

/// Why the demo stopped.
struct DemoFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
