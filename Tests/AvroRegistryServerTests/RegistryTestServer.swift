import AvroRegistry
import AvroRegistryServer
import Foundation
import Logging
import Synchronization
import Testing

/// Runs `body` with the URL of a fresh embedded server (in process, on a free port, a new database), then stops
/// the server.
func withRegistryServer(_ body: (String) async throws -> Void) async throws {
    var configuration = RegistryServerConfiguration()
    configuration.port = 0
    configuration.databasePath =
        FileManager.default.temporaryDirectory.appendingPathComponent("client-\(UUID()).db").path
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let server = Task {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        try await RegistryServer.run(configuration, logger: logger) { continuation.yield($0) }
    }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next())
    try await body("http://127.0.0.1:\(port)")
}

/// A client of `url` with quick retries.
func testClient(_ url: String, transport: any RegistryTransport = CurlTransport()) -> SchemaRegistryClient {
    var configuration = RegistryClientConfiguration(urls: [url])
    configuration.retryBase = .milliseconds(10)
    return SchemaRegistryClient(configuration, transport: transport)
}

/// A transport that counts the requests it passes on, by method and path (without the query).
final class CountingTransport: RegistryTransport {
    private let base = CurlTransport()
    private let counts = Mutex<[String: Int]>([:])

    func send(_ request: RegistryHTTPRequest, timeout: Duration) async throws(RegistryTransportError)
        -> RegistryHTTPResponse
    {
        let path = URL(string: request.url)?.path ?? request.url
        counts.withLock { $0["\(request.method) \(path)", default: 0] += 1 }
        return try await base.send(request, timeout: timeout)
    }

    /// Requests sent for `method` and `path`.
    func count(_ method: String, _ path: String) -> Int { counts.withLock { $0["\(method) \(path)", default: 0] } }

    /// Every request sent.
    var total: Int { counts.withLock { $0.values.reduce(0, +) } }
}
