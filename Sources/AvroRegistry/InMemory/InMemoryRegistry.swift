import Avro
import Foundation
import Synchronization

/// A Schema Registry in the process, for unit tests of code that uses the client, the serializer or the
/// deserializer: the same semantics and compatibility checker as `swift-avro registry serve` (one
/// ``RegistryEngine``), over memory, answering the client's requests without a network.
///
/// Use it as a client's transport, or name it with a `mock://` URL as Confluent's clients do: every client of
/// `mock://NAME` in the process shares the registry called NAME.
/// ```swift
/// let client = SchemaRegistryClient(urls: "mock://orders-tests")
/// ```
public final class InMemoryRegistry: RegistryTransport {
    /// The registry's semantics, for direct use.
    public let engine: RegistryEngine

    private static let scopes = Mutex<[String: InMemoryRegistry]>([:])

    /// An empty registry.
    public init() {
        engine = RegistryEngine(storage: InMemoryRegistryStorage())
    }

    /// The registry that every `mock://name` client in this process shares (created on first use).
    public static func named(_ name: String) -> InMemoryRegistry {
        scopes.withLock { scopes in
            if let registry = scopes[name] { return registry }
            let registry = InMemoryRegistry()
            scopes[name] = registry
            return registry
        }
    }

    /// Forgets the registry called `name`, so the next `mock://name` client starts empty.
    public static func drop(_ name: String) {
        _ = scopes.withLock { $0.removeValue(forKey: name) }
    }

    public func send(_ request: RegistryHTTPRequest, timeout: Duration) async throws(RegistryTransportError)
        -> RegistryHTTPResponse
    {
        guard let components = URLComponents(string: request.url) else {
            throw RegistryTransportError("not a URL: \(request.url)")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        // Segments percent-decoded one by one, so a subject holding `/` stays one segment.
        let segments = components.percentEncodedPath.split(separator: "/").map {
            String($0).removingPercentEncoding ?? String($0)
        }
        do {
            let body = try await route(request.method, segments, query, request.body ?? [])
            return RegistryHTTPResponse(
                status: 200, headers: ["content-type": "application/vnd.schemaregistry.v1+json"], body: body)
        } catch let error as RegistryError {
            return Self.response(error)
        } catch {
            return Self.response(RegistryError(status: 500, code: 50001, message: "\(error)"))
        }
    }

    private static func response(_ error: RegistryError) -> RegistryHTTPResponse {
        let body = (try? JSONEncoder().encode(ErrorMessage(error))).map(Array.init) ?? []
        return RegistryHTTPResponse(
            status: error.status, headers: ["content-type": "application/vnd.schemaregistry.v1+json"], body: body)
    }

    private static let notFound = RegistryError(status: 404, code: 404, message: "HTTP 404 Not Found")

    /// The client's endpoints, as the server routes them.
    private func route(_ method: String, _ path: [String], _ query: [String: String], _ body: [UInt8]) async throws
        -> [UInt8]
    {
        func flag(_ name: String) -> Bool { query[name]?.lowercased() == "true" }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            do {
                return try JSONDecoder().decode(T.self, from: Data(body))
            } catch {
                throw RegistryError(status: 400, code: 400, message: "Unrecognized request body: \(error)")
            }
        }
        func json(_ value: some Encodable) throws -> [UInt8] { Array(try JSONEncoder().encode(value)) }
        func id(_ text: String) throws -> Int {
            guard let id = Int(text) else { throw Self.notFound }
            return id
        }
        switch (method, path.first, path.count) {
        case ("GET", "schemas", 3) where path[1] == "ids":
            let schema = try await engine.schema(id: try id(path[2]))
            return try json(
                SchemaByID(schema: schema.text, references: schema.references.isEmpty ? nil : schema.references))
        case ("GET", "schemas", 4) where path[1] == "ids" && path[3] == "versions":
            return try json(try await engine.versions(ofSchema: try id(path[2]), deleted: flag("deleted")))
        case ("GET", "subjects", 1):
            return try json(
                try await engine.subjects(
                    prefix: query["subjectPrefix"] ?? "", deleted: flag("deleted"), deletedOnly: flag("deletedOnly")))
        case ("POST", "subjects", 2):
            return try json(
                try await engine.lookup(
                    try decode(RegisterSchemaRequest.self), in: path[1], normalize: flag("normalize"),
                    deleted: flag("deleted")))
        case ("DELETE", "subjects", 2):
            return try json(try await engine.deleteSubject(path[1], permanent: flag("permanent")))
        case ("GET", "subjects", 3) where path[2] == "versions":
            return try json(
                try await engine.versions(of: path[1], deleted: flag("deleted"), deletedOnly: flag("deletedOnly")))
        case ("POST", "subjects", 3) where path[2] == "versions":
            let id = try await engine.register(
                try decode(RegisterSchemaRequest.self), under: path[1], normalize: flag("normalize"))
            return try json(RegisterSchemaResponse(id: id))
        case ("GET", "subjects", 4) where path[2] == "versions":
            return try json(
                try await engine.version(try VersionSpec(parsing: path[3]), of: path[1], deleted: flag("deleted")))
        case ("DELETE", "subjects", 4) where path[2] == "versions":
            return try json(
                try await engine.deleteVersion(
                    try VersionSpec(parsing: path[3]), of: path[1], permanent: flag("permanent")))
        case ("GET", "subjects", 5) where path[2] == "versions" && path[4] == "referencedby":
            return try json(try await engine.referencedBy(try VersionSpec(parsing: path[3]), of: path[1]))
        case ("POST", "compatibility", 4) where path[1] == "subjects" && path[3] == "versions",
            ("POST", "compatibility", 5) where path[1] == "subjects" && path[3] == "versions":
            return try json(
                try await engine.checkCompatibility(
                    try decode(RegisterSchemaRequest.self), subject: path[2],
                    version: path.count == 5 ? try VersionSpec(parsing: path[4]) : nil, verbose: flag("verbose"),
                    normalize: flag("normalize")))
        case ("GET", "config", 1), ("GET", "config", 2):
            let level = try await engine.compatibility(
                subject: path.count == 2 ? path[1] : nil, defaultToGlobal: flag("defaultToGlobal"))
            return try json(ConfigResponse(compatibilityLevel: level))
        case ("PUT", "config", 1), ("PUT", "config", 2):
            let update = try decode(ConfigUpdate.self)
            guard let level = CompatibilityLevel(registryName: update.compatibility) else {
                throw RegistryError.invalidCompatibilityLevel
            }
            try await engine.setCompatibility(level, subject: path.count == 2 ? path[1] : nil)
            return try json(ConfigUpdate(compatibility: level))
        case ("GET", "mode", 1), ("GET", "mode", 2):
            let mode = try await engine.mode(
                subject: path.count == 2 ? path[1] : nil, defaultToGlobal: flag("defaultToGlobal"))
            return try json(ModeMessage(mode: mode))
        case ("PUT", "mode", 1), ("PUT", "mode", 2):
            let update = try decode(ModeMessage.self)
            guard let mode = RegistryMode(rawValue: update.mode.uppercased()) else { throw RegistryError.invalidMode }
            try await engine.setMode(mode, subject: path.count == 2 ? path[1] : nil, force: flag("force"))
            return try json(ModeMessage(mode: mode))
        default:
            throw Self.notFound
        }
    }
}
