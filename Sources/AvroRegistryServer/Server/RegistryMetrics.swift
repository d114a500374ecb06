import CoreMetrics
import Dispatch
import Hummingbird
import Prometheus
import Synchronization

/// The server's Prometheus metrics: requests by route template, method and status, a latency histogram per
/// route, the stored counts (read at scrape time) and the registrations refused.
final class RegistryMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let requests = Mutex<[String: CoreMetrics.Counter]>([:])
    private let latencies = Mutex<[String: CoreMetrics.Timer]>([:])
    let compatibilityRejections: CoreMetrics.Counter
    let lintRejections: CoreMetrics.Counter
    let schemas: CoreMetrics.Gauge
    let subjects: CoreMetrics.Gauge
    let versions: CoreMetrics.Gauge

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5),
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
        ]
        self.factory = factory
        compatibilityRejections = CoreMetrics.Counter(
            label: "schema_registry_compatibility_rejections_total", factory: factory)
        lintRejections = CoreMetrics.Counter(label: "schema_registry_lint_rejections_total", factory: factory)
        schemas = CoreMetrics.Gauge(label: "schema_registry_schemas", factory: factory)
        subjects = CoreMetrics.Gauge(label: "schema_registry_subjects", factory: factory)
        versions = CoreMetrics.Gauge(label: "schema_registry_versions", factory: factory)
    }

    /// Counts one request and records its duration.
    func record(route: String, method: String, status: Int, nanoseconds: UInt64) {
        let key = "\(route) \(method) \(status)"
        let counter = requests.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(
                label: "schema_registry_http_requests_total",
                dimensions: [("route", route), ("method", method), ("status", "\(status)")], factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
        let timer = latencies.withLock { timers in
            if let timer = timers[route] { return timer }
            let timer = CoreMetrics.Timer(
                label: "schema_registry_http_request_duration_seconds", dimensions: [("route", route)],
                factory: factory)
            timers[route] = timer
            return timer
        }
        timer.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// The text exposition of every metric.
    func exposition() -> [UInt8] { registry.emitToBuffer() }
}

/// Records every request in ``RegistryMetrics`` (the route template, so ids and subjects do not explode the
/// label space).
struct RegistryMetricsMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext
    let metrics: RegistryMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next(request, context)
        metrics.record(
            route: context.endpointPath ?? "unknown", method: request.method.rawValue, status: response.status.code,
            nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
        if response.status.code == 409 { metrics.compatibilityRejections.increment() }
        return response
    }
}
