import Avro
import Foundation
import Logging
import Synchronization

/// A client of any Confluent-compatible Schema Registry (Confluent, Karapace, Apicurio, Redpanda, or
/// `swift-avro registry serve`).
///
/// Safe to share between tasks. Schemas by id are cached forever (an id never changes its schema) and concurrent
/// fetches of one id coalesce into one request; registrations and lookups are cached by (subject, schema text).
/// Errors are ``RegistryError`` when the registry answered (its status, code and message) and
/// ``RegistryTransportError`` when it did not. Requests and retries are logged to
/// ``RegistryClientConfiguration/logger`` (at debug and warning) and counted through swift-metrics.
public final class SchemaRegistryClient: Sendable {
    /// The configuration.
    public let configuration: RegistryClientConfiguration
    private let transport: any RegistryTransport
    private let bases: [(url: String, credentials: RegistryCredentials?)]
    private let schemasByID = Mutex<[Int: SchemaByID]>([:])
    private let fetches = Mutex<[Int: Task<SchemaByID, any Error>]>([:])
    private let registered = Mutex<[String: Int]>([:])
    private let parsedByID = Mutex<[Int: Schema]>([:])
    private let missingIDs = Mutex<[Int: (error: RegistryError, until: ContinuousClock.Instant)]>([:])
    private let latestBySubject = Mutex<[String: (schema: SubjectSchema, until: ContinuousClock.Instant)]>([:])
    private let metrics = RegistryClientMetrics()

    /// A client of the registry at `configuration.urls`, over `transport`: libcurl by default, or for
    /// `mock://NAME` URLs the process's ``InMemoryRegistry`` called NAME.
    public init(_ configuration: RegistryClientConfiguration, transport: (any RegistryTransport)? = nil) {
        self.configuration = configuration
        if let transport {
            self.transport = transport
        } else if let url = configuration.urls.first, url.hasPrefix(Self.mockScheme) {
            self.transport = InMemoryRegistry.named(String(url.dropFirst(Self.mockScheme.count)))
        } else {
            self.transport = CurlTransport()
        }
        bases = configuration.urls.map { Self.splitUserInfo($0, default: configuration.credentials) }
    }

    /// A client of the comma-separated `urls` (Confluent's `schema.registry.url`).
    public convenience init(urls: String, transport: (any RegistryTransport)? = nil) {
        self.init(
            RegistryClientConfiguration(
                urls: urls.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }),
            transport: transport)
    }

    private static let mockScheme = "mock://"

    // MARK: Schemas

    /// The schema with this global id (cached forever; an unknown id's 40403 is remembered for
    /// ``RegistryClientConfiguration/negativeTTL``).
    public func schema(id: Int) async throws -> SchemaByID {
        if let cached = schemasByID.withLock({ $0[id] }) {
            metrics.schemaHits.increment()
            return cached
        }
        let now = ContinuousClock.now
        if let missing = missingIDs.withLock({ $0[id] }), missing.until > now {
            metrics.negativeHits.increment()
            throw missing.error
        }
        metrics.schemaMisses.increment()
        let task = fetches.withLock { fetches in
            if let running = fetches[id] { return running }
            let task = Task { try await self.get("/schemas/ids/\(id)", as: SchemaByID.self) }
            fetches[id] = task
            return task
        }
        do {
            let schema = try await task.value
            schemasByID.withLock { $0[id] = schema }
            fetches.withLock { $0[id] = nil }
            return schema
        } catch {
            fetches.withLock { $0[id] = nil }
            if let error = error as? RegistryError, error.code == 40403 {
                let until = ContinuousClock.now + configuration.negativeTTL
                missingIDs.withLock { $0[id] = (error, until) }
            }
            throw error
        }
    }

    /// The schema with this global id, parsed with the schemas its references name (fetched by subject and
    /// version, transitively); cached forever.
    /// - Throws: ``RegistryError``, ``RegistryTransportError``, or ``RegistrySerdeError/unparsableSchema(id:message:)``
    ///   when the registry's text is not a valid Avro schema.
    public func parsedSchema(id: Int) async throws -> Schema {
        if let cached = parsedByID.withLock({ $0[id] }) { return cached }
        let served = try await schema(id: id)
        var sources: [(name: String, bytes: [UInt8])] = []
        var visited: Set<SchemaReference> = []
        for reference in served.references ?? [] {
            try await collect(reference, into: &sources, visited: &visited)
        }
        let name = "schema \(id)"
        sources.append((name, Array(served.schema.utf8)))
        let set: SchemaSet
        do {
            set = try SchemaSet(sources: sources)
        } catch {
            throw RegistrySerdeError.unparsableSchema(id: id, message: error.description)
        }
        guard let root = set.files.last(where: { $0.name == name })?.root else {
            throw RegistrySerdeError.unparsableSchema(id: id, message: "the schema did not parse")
        }
        parsedByID.withLock { $0[id] = root }
        return root
    }

    private func collect(
        _ reference: SchemaReference, into sources: inout [(name: String, bytes: [UInt8])],
        visited: inout Set<SchemaReference>
    ) async throws {
        guard visited.insert(reference).inserted else { return }
        let referenced = try await version(.number(reference.version), of: reference.subject)
        for nested in referenced.references ?? [] {
            try await collect(nested, into: &sources, visited: &visited)
        }
        sources.append(("\(reference.subject) version \(reference.version)", Array(referenced.schema.utf8)))
    }

    /// The subjects and versions that use schema `id`.
    public func versions(ofSchema id: Int, deleted: Bool = false) async throws -> [SubjectVersion] {
        try await get("/schemas/ids/\(id)/versions", query: deleted ? [("deleted", "true")] : [])
    }

    // MARK: Subjects

    /// Every subject (with `deleted`, soft-deleted ones too).
    public func subjects(prefix: String? = nil, deleted: Bool = false) async throws -> [String] {
        var query: [(String, String)] = deleted ? [("deleted", "true")] : []
        if let prefix { query.append(("subjectPrefix", prefix)) }
        return try await get("/subjects", query: query)
    }

    /// The versions of `subject`.
    public func versions(of subject: String, deleted: Bool = false) async throws -> [Int] {
        try await get("/subjects/\(Self.encode(subject))/versions", query: deleted ? [("deleted", "true")] : [])
    }

    /// One version of `subject` (`.latest` for the newest).
    public func version(_ version: VersionSpec, of subject: String, deleted: Bool = false) async throws
        -> SubjectSchema
    {
        try await get(
            "/subjects/\(Self.encode(subject))/versions/\(version)", query: deleted ? [("deleted", "true")] : [])
    }

    /// The latest version of `subject`, from the cache for ``RegistryClientConfiguration/latestTTL``.
    public func latestVersion(of subject: String) async throws -> SubjectSchema {
        let now = ContinuousClock.now
        if let cached = latestBySubject.withLock({ $0[subject] }), cached.until > now {
            metrics.latestHits.increment()
            return cached.schema
        }
        let latest = try await version(.latest, of: subject)
        let until = ContinuousClock.now + configuration.latestTTL
        latestBySubject.withLock { $0[subject] = (latest, until) }
        return latest
    }

    /// The ids of the schemas that reference a version.
    public func referencedBy(_ version: VersionSpec, of subject: String) async throws -> [Int] {
        try await get("/subjects/\(Self.encode(subject))/versions/\(version)/referencedby")
    }

    /// Registers `schema` under `subject` (idempotent: a schema the subject holds returns its id) and returns its
    /// global id; cached per (subject, schema).
    public func register(
        _ schema: String, references: [SchemaReference] = [], under subject: String, normalize: Bool = false
    ) async throws -> Int {
        let key = Self.cacheKey(subject, schema, references, normalize)
        if let id = registered.withLock({ $0[key] }) {
            metrics.registrationHits.increment()
            return id
        }
        let response: RegisterSchemaResponse = try await send(
            "POST", "/subjects/\(Self.encode(subject))/versions", query: normalize ? [("normalize", "true")] : [],
            body: RegisterSchemaRequest(schema: schema, references: references.isEmpty ? nil : references))
        registered.withLock { $0[key] = response.id }
        return response.id
    }

    /// The version of `subject` that holds `schema`.
    public func lookup(
        _ schema: String, references: [SchemaReference] = [], in subject: String, normalize: Bool = false,
        deleted: Bool = false
    ) async throws -> SubjectSchema {
        var query: [(String, String)] = []
        if normalize { query.append(("normalize", "true")) }
        if deleted { query.append(("deleted", "true")) }
        return try await send(
            "POST", "/subjects/\(Self.encode(subject))", query: query,
            body: RegisterSchemaRequest(schema: schema, references: references.isEmpty ? nil : references))
    }

    /// Deletes a subject (soft, or `permanent` after a soft delete); the versions deleted.
    public func deleteSubject(_ subject: String, permanent: Bool = false) async throws -> [Int] {
        try await send(
            "DELETE", "/subjects/\(Self.encode(subject))", query: permanent ? [("permanent", "true")] : [],
            body: Optional<RegisterSchemaRequest>.none)
    }

    /// Deletes one version (soft, or `permanent` after a soft delete); the version deleted.
    public func deleteVersion(_ version: VersionSpec, of subject: String, permanent: Bool = false) async throws -> Int {
        try await send(
            "DELETE", "/subjects/\(Self.encode(subject))/versions/\(version)",
            query: permanent ? [("permanent", "true")] : [], body: Optional<RegisterSchemaRequest>.none)
    }

    // MARK: Compatibility, config, mode

    /// Whether `schema` may be registered under `subject`: against one version, or (`nil`) as the subject's
    /// level checks a registration. With `verbose`, the registry's reasons.
    public func checkCompatibility(
        _ schema: String, references: [SchemaReference] = [], subject: String, version: VersionSpec? = nil,
        verbose: Bool = false
    ) async throws -> CompatibilityCheckResponse {
        let path =
            "/compatibility/subjects/\(Self.encode(subject))/versions" + (version.map { "/\($0)" } ?? "")
        return try await send(
            "POST", path, query: verbose ? [("verbose", "true")] : [],
            body: RegisterSchemaRequest(schema: schema, references: references.isEmpty ? nil : references))
    }

    /// The compatibility level of `subject` (`nil`: the global one).
    public func compatibility(subject: String? = nil, defaultToGlobal: Bool = false) async throws
        -> CompatibilityLevel
    {
        let response: ConfigResponse = try await get(
            "/config" + (subject.map { "/\(Self.encode($0))" } ?? ""),
            query: defaultToGlobal ? [("defaultToGlobal", "true")] : [])
        guard let level = CompatibilityLevel(registryName: response.compatibilityLevel) else {
            throw RegistryError.invalidCompatibilityLevel
        }
        return level
    }

    /// Sets the compatibility level of `subject` (`nil`: the global one).
    public func setCompatibility(_ level: CompatibilityLevel, subject: String? = nil) async throws {
        let _: ConfigUpdate = try await send(
            "PUT", "/config" + (subject.map { "/\(Self.encode($0))" } ?? ""), body: ConfigUpdate(compatibility: level))
    }

    /// The mode of `subject` (`nil`: the global one).
    public func mode(subject: String? = nil, defaultToGlobal: Bool = false) async throws -> RegistryMode {
        let response: ModeMessage = try await get(
            "/mode" + (subject.map { "/\(Self.encode($0))" } ?? ""),
            query: defaultToGlobal ? [("defaultToGlobal", "true")] : [])
        guard let mode = RegistryMode(rawValue: response.mode.uppercased()) else { throw RegistryError.invalidMode }
        return mode
    }

    /// Sets the mode of `subject` (`nil`: the global one).
    public func setMode(_ mode: RegistryMode, subject: String? = nil, force: Bool = false) async throws {
        let _: ModeMessage = try await send(
            "PUT", "/mode" + (subject.map { "/\(Self.encode($0))" } ?? ""),
            query: force ? [("force", "true")] : [], body: ModeMessage(mode: mode))
    }

    // MARK: HTTP

    private func get<T: Decodable>(_ path: String, query: [(String, String)] = [], as type: T.Type = T.self)
        async throws -> T
    {
        try await send("GET", path, query: query, body: Optional<RegisterSchemaRequest>.none)
    }

    /// Sends a request with failover across the URLs and retries with full-jitter exponential backoff on
    /// network errors, timeouts, 408, 429 (after its `Retry-After`) and 5xx; any other error answer is thrown
    /// at once.
    private func send<T: Decodable>(
        _ method: String, _ path: String, query: [(String, String)] = [], body: (some Encodable)?
    ) async throws -> T {
        let payload = try body.map { Array(try JSONEncoder().encode($0)) }
        let queryText = query.isEmpty ? "" : "?" + query.map { "\($0)=\(Self.encode($1))" }.joined(separator: "&")
        var lastError: any Error = RegistryTransportError("no registry URL configured")
        for attempt in 0...max(configuration.maxRetries, 0) {
            var retryAfter: Duration?
            for base in bases {
                var headers = [
                    "Accept":
                        "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json"
                ]
                if payload != nil { headers["Content-Type"] = "application/vnd.schemaregistry.v1+json" }
                if let credentials = base.credentials {
                    headers["Authorization"] = try await Self.authorization(credentials)
                }
                let request = RegistryHTTPRequest(
                    method: method, url: base.url + path + queryText, headers: headers, body: payload)
                let response: RegistryHTTPResponse
                let started = ContinuousClock.now
                do {
                    response = try await transport.send(request, timeout: configuration.requestTimeout)
                } catch {
                    metrics.request(method: method, status: nil, seconds: Self.seconds(.now - started))
                    configuration.logger.debug(
                        "registry request failed",
                        metadata: ["method": "\(method)", "url": "\(base.url)\(path)", "error": "\(error)"])
                    lastError = error  // the next URL, then a retry
                    continue
                }
                metrics.request(method: method, status: response.status, seconds: Self.seconds(.now - started))
                configuration.logger.debug(
                    "registry request",
                    metadata: ["method": "\(method)", "url": "\(base.url)\(path)", "status": "\(response.status)"])
                if (200..<300).contains(response.status) {
                    do {
                        return try JSONDecoder().decode(T.self, from: Data(response.body))
                    } catch {
                        throw RegistryError(
                            status: response.status, code: 50005,
                            message: "Unrecognized answer from \(method) \(path): \(error)")
                    }
                }
                let error = Self.error(from: response)
                guard [408, 429].contains(response.status) || response.status >= 500 else { throw error }
                lastError = error
                if response.status == 429, let seconds = response.headers["retry-after"].flatMap(Double.init),
                    (0...60).contains(seconds)
                {
                    // Rate limits ask for seconds; an absurd or malformed value falls back to the usual backoff.
                    retryAfter = .milliseconds(Int64(seconds * 1000))
                }
                break
            }
            guard attempt < configuration.maxRetries else { break }
            let wait = retryAfter ?? backoff(attempt: attempt)
            metrics.retries.increment()
            configuration.logger.warning(
                "retrying a registry request",
                metadata: [
                    "method": "\(method)", "path": "\(path)", "attempt": "\(attempt + 1)", "wait": "\(wait)",
                    "error": "\(lastError)",
                ])
            try await Task.sleep(for: wait)
        }
        throw lastError
    }

    private func backoff(attempt: Int) -> Duration {
        // In seconds as a Double, so a large base or attempt cannot overflow before the cap applies.
        let base = Self.seconds(configuration.retryBase) * pow(2, Double(min(attempt, 62)))
        let ceiling = max(0, min(Self.seconds(configuration.retryCap), base))
        return .nanoseconds(Int64(Double.random(in: 0...ceiling) * 1e9))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func error(from response: RegistryHTTPResponse) -> RegistryError {
        if let message = try? JSONDecoder().decode(ErrorMessage.self, from: Data(response.body)) {
            return RegistryError(status: response.status, code: message.errorCode, message: message.message)
        }
        return RegistryError(
            status: response.status, code: response.status, message: String(decoding: response.body, as: UTF8.self))
    }

    private static func authorization(_ credentials: RegistryCredentials) async throws -> String {
        switch credentials {
        case .basic(let user, let password): "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        case .bearer(let token): "Bearer \(token)"
        case .provider(let provider): try await provider.authorization()
        }
    }

    /// `http://user:pass@host` → (`http://host`, basic credentials); other URLs keep `fallback`.
    private static func splitUserInfo(_ url: String, default fallback: RegistryCredentials?) -> (
        url: String, credentials: RegistryCredentials?
    ) {
        var base = url.hasSuffix("/") ? String(url.dropLast()) : url
        guard var components = URLComponents(string: base), let user = components.user else {
            return (base, fallback)
        }
        let password = components.password ?? ""
        components.user = nil
        components.password = nil
        base = components.string ?? base
        return (
            base,
            .basic(user: user.removingPercentEncoding ?? user, password: password.removingPercentEncoding ?? password)
        )
    }

    /// A subject or query value percent-encoded for a path segment (`/` too; `:` of context names kept).
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?&=+#%")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static func cacheKey(
        _ subject: String, _ schema: String, _ references: [SchemaReference], _ normalize: Bool
    )
        -> String
    {
        "\(subject)\n\(normalize)\n\(schema)\n"
            + references.map { "\($0.name) \($0.subject) \($0.version)" }.joined(separator: "\n")
    }
}
