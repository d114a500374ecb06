import Logging

/// How a ``SchemaRegistryClient`` reaches its registry.
public struct RegistryClientConfiguration: Sendable {
    /// Base URLs, tried in order (failover); `user:password@` in a URL is basic auth.
    public var urls: [String]
    /// The longest a request may take (30 s by default).
    public var requestTimeout: Duration = .seconds(30)
    /// Retries after the first attempt on network errors, timeouts, 408, 429 and 5xx (Confluent's clients: 3). A 429's
    /// `Retry-After` of up to 60 seconds replaces the backoff.
    public var maxRetries = 3
    /// The first backoff; each retry doubles it, up to ``retryCap``, and sleeps a random part of it (full jitter).
    public var retryBase: Duration = .seconds(1)
    /// The longest backoff (20 s by default).
    public var retryCap: Duration = .seconds(20)
    /// How long `latestVersion` answers come from the cache.
    public var latestTTL: Duration = .seconds(60)
    /// How long a "not found" answer for a schema lookup is remembered.
    public var negativeTTL: Duration = .seconds(10)
    /// Credentials sent with every request.
    public var credentials: RegistryCredentials?
    /// Where requests (debug) and retries (warning) are logged; silent unless set. URLs are logged without
    /// credentials (userinfo is taken out of them when the client is made).
    public var logger = Logger(label: "swift-avro.registry-client", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A configuration for `urls` (Confluent's `schema.registry.url` may list several, separated by commas).
    public init(urls: [String]) {
        self.urls = urls
    }
}

/// Credentials for a registry. They appear in no log line, error or `description`.
public enum RegistryCredentials: Sendable, CustomStringConvertible {
    /// HTTP basic auth.
    case basic(user: String, password: String)
    /// A static bearer token.
    case bearer(String)
    /// A provider asked before each request (e.g. OAuth client credentials refreshed before expiry).
    case provider(any RegistryCredentialsProvider)

    public var description: String {
        switch self {
        case .basic(let user, _): "basic auth as \(user)"
        case .bearer: "a bearer token"
        case .provider: "a credentials provider"
        }
    }
}

/// Supplies the `Authorization` header value for each request.
public protocol RegistryCredentialsProvider: Sendable {
    /// The header value, e.g. `Bearer eyJ…`.
    func authorization() async throws -> String
}
