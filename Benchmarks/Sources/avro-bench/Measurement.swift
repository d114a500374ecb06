#if canImport(Glibc)
    import Glibc
#endif

/// The timing of one benchmark: the median of several samples, each many iterations long.
struct Measurement {
    var name: String
    /// Seconds per iteration, median over samples.
    var secondsPerIteration: Double
    /// Items (records, schemas) and bytes handled per iteration, for throughput figures.
    var itemsPerIteration: Int
    var bytesPerIteration: Int

    var itemsPerSecond: Double { Double(itemsPerIteration) / secondsPerIteration }
    var megabytesPerSecond: Double { Double(bytesPerIteration) / secondsPerIteration / 1_000_000 }
}

/// Monotonic time in seconds.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` until each of `samples` samples lasts at least `minimumSampleSeconds`, after one warm-up sample,
/// and returns the median seconds per iteration.
func measure(
    _ name: String, items: Int, bytes: Int, samples: Int = 7, minimumSampleSeconds: Double = 0.2,
    _ body: () throws -> Void
) rethrows -> Measurement {
    var iterations = 1
    // Warm up and find an iteration count that makes a sample long enough.
    while true {
        let start = now()
        for _ in 0..<iterations { try body() }
        let elapsed = now() - start
        if elapsed >= minimumSampleSeconds { break }
        iterations = max(iterations * 2, Int(Double(iterations) * minimumSampleSeconds / max(elapsed, 1e-9)))
    }
    var times: [Double] = []
    for _ in 0..<samples {
        let start = now()
        for _ in 0..<iterations { try body() }
        times.append((now() - start) / Double(iterations))
    }
    times.sort()
    return Measurement(
        name: name, secondsPerIteration: times[times.count / 2], itemsPerIteration: items, bytesPerIteration: bytes)
}

/// ``measure(_:items:bytes:samples:minimumSampleSeconds:_:)`` for a body that awaits (the registry serializers).
func measureAsync(
    _ name: String, items: Int, bytes: Int, samples: Int = 7, minimumSampleSeconds: Double = 0.2,
    _ body: () async throws -> Void
) async rethrows -> Measurement {
    var iterations = 1
    while true {
        let start = now()
        for _ in 0..<iterations { try await body() }
        let elapsed = now() - start
        if elapsed >= minimumSampleSeconds { break }
        iterations = max(iterations * 2, Int(Double(iterations) * minimumSampleSeconds / max(elapsed, 1e-9)))
    }
    var times: [Double] = []
    for _ in 0..<samples {
        let start = now()
        for _ in 0..<iterations { try await body() }
        times.append((now() - start) / Double(iterations))
    }
    times.sort()
    return Measurement(
        name: name, secondsPerIteration: times[times.count / 2], itemsPerIteration: items, bytesPerIteration: bytes)
}
