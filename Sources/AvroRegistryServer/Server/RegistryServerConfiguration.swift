import AvroLint

/// How `swift-avro registry serve` runs.
public struct RegistryServerConfiguration: Sendable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The port (0: any free port, printed when ready).
    public var port = 8081
    /// The SQLite file (created when missing).
    public var databasePath = "schema-registry.db"
    /// When set, every registration under a `<topic>-key` or `<topic>-value` subject must pass these lint rules.
    public var lint: LintConfiguration?
    /// When not empty, requests need HTTP basic credentials of one of these users (name → bcrypt hash).
    public var users: [String: String] = [:]
    /// PEM certificate chain and private key: serve HTTPS.
    public var tls: (certificate: String, key: String)?
    /// With ``tls``: a PEM file of CA certificates; clients must present a certificate one of them signed (mTLS).
    public var tlsClientCA: String?
    /// The largest request body accepted (413 beyond it).
    public var maxBodyBytes = 8 << 20

    /// The defaults: loopback, port 8081, `schema-registry.db` in the working directory.
    public init() {}
}
