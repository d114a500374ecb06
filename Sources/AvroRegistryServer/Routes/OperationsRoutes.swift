import Hummingbird

/// What Kubernetes and Prometheus call: liveness, readiness (the database takes a write) and metrics.
struct OperationsRoutes {
    let storage: SQLiteRegistryStorage
    let metrics: RegistryMetrics

    func add(to router: Router<RegistryRequestContext>) {
        router.get("/health/live") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"UP"}"#)))
        }
        router.get("/health/ready") { _, _ in
            let ready = await storage.probeWritable()
            return Response(
                status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(string: ready ? #"{"status":"UP"}"# : #"{"status":"DOWN"}"#)))
        }
        router.get("/metrics") { _, _ in
            let counts = try await storage.counts()
            metrics.schemas.record(counts.schemas)
            metrics.subjects.record(counts.subjects)
            metrics.versions.record(counts.versions)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }
}
