import AvroLint
import AvroRegistry
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// The embedded Confluent-compatible Schema Registry: the REST API over ``RegistryEngine`` with its state in one
/// SQLite file, health and Prometheus endpoints, optional basic auth, TLS and lint gate.
public enum RegistryServer {
    /// Opens the database and serves until SIGINT or SIGTERM; in-flight requests finish, then the database is
    /// closed.
    /// - Parameter onReady: called with the bound port once the server accepts connections.
    public static func run(
        _ configuration: RegistryServerConfiguration, logger: Logger,
        onReady: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws {
        let storage = try SQLiteRegistryStorage(path: configuration.databasePath)
        let metrics = RegistryMetrics()
        var engine = RegistryEngine(storage: storage)
        if let lint = configuration.lint {
            engine.gate = LintGate(linter: Linter(configuration: lint), rejections: metrics)
        }
        let router = makeRouter(engine: engine, storage: storage, metrics: metrics, configuration: configuration)
        let address = BindAddress.hostname(configuration.host, port: configuration.port)
        let onServerRunning: @Sendable (any Channel) async -> Void = { channel in
            onReady(channel.localAddress?.port ?? configuration.port)
        }
        do {
            if let tls = configuration.tls {
                let app = Application(
                    router: router,
                    server: try .tls(
                        .http1(), tlsConfiguration: tlsConfiguration(tls, clientCA: configuration.tlsClientCA)),
                    configuration: ApplicationConfiguration(address: address, serverName: "swift-avro"),
                    onServerRunning: onServerRunning, logger: logger)
                try await app.runService()
            } else {
                let app = Application(
                    router: router, configuration: ApplicationConfiguration(address: address, serverName: "swift-avro"),
                    onServerRunning: onServerRunning, logger: logger)
                try await app.runService()
            }
        } catch {
            try? storage.close()
            throw error
        }
        try storage.close()
        logger.info("stopped; database closed", metadata: ["data": "\(configuration.databasePath)"])
    }

    /// Reads a users file for basic auth: one `name:bcrypt-hash` per line (`#` comments and blank lines skipped).
    public static func readUsers(path: String) throws -> [String: String] {
        try BasicAuthMiddleware.readUsers(path: path)
    }

    static func makeRouter(
        engine: RegistryEngine, storage: SQLiteRegistryStorage, metrics: RegistryMetrics,
        configuration: RegistryServerConfiguration
    ) -> Router<RegistryRequestContext> {
        let router = Router(context: RegistryRequestContext.self)
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: RegistryMetricsMiddleware(metrics: metrics))
        router.add(middleware: RegistryErrorMiddleware(maxBodyBytes: configuration.maxBodyBytes))
        if !configuration.users.isEmpty { router.add(middleware: BasicAuthMiddleware(users: configuration.users)) }
        router.get("/") { _, _ in RegistryHTTP.response(bytes: Array("{}".utf8)) }
        // One registry, one context: the default one.
        router.get("/contexts") { _, _ in try RegistryHTTP.json(["."]) }
        let schemaCache = SchemaResponseCache()
        SchemaRoutes(engine: engine, cache: schemaCache).add(to: router)
        SubjectRoutes(engine: engine, schemaCache: schemaCache).add(to: router)
        CompatibilityRoutes(engine: engine).add(to: router)
        ConfigRoutes(engine: engine).add(to: router)
        ModeRoutes(engine: engine).add(to: router)
        OperationsRoutes(storage: storage, metrics: metrics).add(to: router)
        return router
    }

    private static func tlsConfiguration(_ files: (certificate: String, key: String), clientCA: String?) throws
        -> TLSConfiguration
    {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(files.certificate)
            let key = try NIOSSLPrivateKey(file: files.key, format: .pem)
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            if let clientCA {
                // Clients are identified by their certificate, not a host name: verify the chain only.
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(clientCA))
                configuration.certificateVerification = .noHostnameVerification
            }
            return configuration
        } catch {
            throw RegistryServerError("cannot load the TLS certificate, key or client CA: \(error)")
        }
    }
}
