#if canImport(Glibc)
    import Glibc
#endif

/// The timing of one benchmark: the best of several rounds, each one pass over every record (or the whole input).
struct Measurement {
    /// What is measured, e.g. `encode`.
    var operation: String
    /// Who does it, e.g. `swift-avro generated`, `libavro`.
    var implementation: String
    /// Seconds of the best round.
    var seconds: Double
    /// Items (records, schemas, files) and bytes handled per round, for throughput figures.
    var items: Int
    var bytes: Int

    var itemsPerSecond: Double { Double(items) / seconds }
    var megabytesPerSecond: Double { Double(bytes) / seconds / 1_000_000 }
}

/// How many rounds each benchmark runs (`--rounds`); the best one counts.
nonisolated(unsafe) var rounds = 5

/// Where each round's results go, so that the work producing them cannot be optimised away. A round's results are
/// released when the next round's arrive, after its clock has stopped.
nonisolated(unsafe) private var kept: Any?

/// Monotonic time in seconds.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` once per round (after one warm-up round) and keeps the best time. `body` returns what it produced
/// (the decoded models, the encoded buffers), which is kept until the next round has been timed.
func measure<Result>(
    _ operation: String, _ implementation: String, items: Int, bytes: Int, rounds: Int = rounds,
    _ body: () throws -> Result
) rethrows -> Measurement {
    kept = try body()
    var best = Double.infinity
    for _ in 0..<max(rounds, 1) {
        let start = now()
        let result = try body()
        best = min(best, now() - start)
        kept = result
    }
    kept = nil
    return Measurement(operation: operation, implementation: implementation, seconds: best, items: items, bytes: bytes)
}

/// ``measure(_:_:items:bytes:rounds:_:)`` for a body that awaits (the registry serializers).
func measureAsync<Result>(
    _ operation: String, _ implementation: String, items: Int, bytes: Int, rounds: Int = rounds,
    _ body: () async throws -> Result
) async rethrows -> Measurement {
    kept = try await body()
    var best = Double.infinity
    for _ in 0..<max(rounds, 1) {
        let start = now()
        let result = try await body()
        best = min(best, now() - start)
        kept = result
    }
    kept = nil
    return Measurement(operation: operation, implementation: implementation, seconds: best, items: items, bytes: bytes)
}
