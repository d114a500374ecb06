import Metrics

/// The client's metrics, through swift-metrics (no-ops until the app bootstraps a metrics backend): requests by
/// method and outcome, their latency, retries, and cache hits and misses by cache.
struct RegistryClientMetrics: Sendable {
    private let prefix = "avro_registry_client"
    let retries: Counter
    let schemaHits: Counter
    let schemaMisses: Counter
    let registrationHits: Counter
    let latestHits: Counter
    let negativeHits: Counter

    init() {
        retries = Counter(label: "\(prefix)_retries_total")
        schemaHits = Counter(label: "\(prefix)_cache_hits_total", dimensions: [("cache", "schema")])
        schemaMisses = Counter(label: "\(prefix)_cache_misses_total", dimensions: [("cache", "schema")])
        registrationHits = Counter(label: "\(prefix)_cache_hits_total", dimensions: [("cache", "registration")])
        latestHits = Counter(label: "\(prefix)_cache_hits_total", dimensions: [("cache", "latest")])
        negativeHits = Counter(label: "\(prefix)_cache_hits_total", dimensions: [("cache", "negative")])
    }

    /// Records one request: `status` is the HTTP status, or nil when no answer came.
    func request(method: String, status: Int?, seconds: Double) {
        let outcome = status.map(String.init) ?? "error"
        Counter(label: "\(prefix)_requests_total", dimensions: [("method", method), ("status", outcome)]).increment()
        Timer(label: "\(prefix)_request_duration_seconds", dimensions: [("method", method)])
            .recordNanoseconds(Int64(seconds * 1e9))
    }
}
