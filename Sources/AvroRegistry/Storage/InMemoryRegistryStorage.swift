import Avro
import Synchronization

/// A registry's state in memory: for unit tests and the in-memory registry. Writes run one at a time on a copy
/// of the state that replaces it only when the body returns, so a failed write changes nothing.
public final class InMemoryRegistryStorage: RegistryStorage {
    private let state = Mutex(InMemoryRegistryState())

    /// An empty registry.
    public init() {}

    public func read<T: Sendable>(_ body: @escaping @Sendable (any RegistryTransaction) throws -> T) async throws
        -> T
    {
        let snapshot = state.withLock { $0 }
        return try body(InMemoryTransaction(state: snapshot))
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any RegistryTransaction) throws -> T) async throws
        -> T
    {
        try state.withLock { current in
            let transaction = InMemoryTransaction(state: current)
            let result = try body(transaction)
            current = transaction.state
            return result
        }
    }
}

/// The whole state of an in-memory registry (a value: copied per transaction).
struct InMemoryRegistryState: Sendable {
    var schemas: [Int: StoredSchema] = [:]
    var schemasByIdentity: [String: [Int]] = [:]
    var versions: [String: [StoredVersion]] = [:]
    var compatibility: [String: CompatibilityLevel] = [:]
    var modes: [String: RegistryMode] = [:]
}

/// A transaction over a copy of the state.
final class InMemoryTransaction: RegistryTransaction {
    /// The global config and mode are stored under this key, which no subject can have (subjects are text).
    private static let global = "\u{0}global"
    var state: InMemoryRegistryState

    init(state: InMemoryRegistryState) { self.state = state }

    func schema(id: Int) -> StoredSchema? { state.schemas[id] }

    func schemas(identity: String) -> [StoredSchema] {
        (state.schemasByIdentity[identity] ?? []).sorted().compactMap { state.schemas[$0] }
    }

    func maxSchemaID() -> Int { state.schemas.keys.max() ?? 0 }

    func insert(_ schema: StoredSchema) {
        state.schemas[schema.id] = schema
        state.schemasByIdentity[schema.identity, default: []].append(schema.id)
    }

    func subjects() -> [String] { state.versions.filter { !$0.value.isEmpty }.keys.sorted() }

    func versions(of subject: String) -> [StoredVersion] { state.versions[subject] ?? [] }

    func versions(ofSchema schemaID: Int) -> [StoredVersion] {
        state.versions.values.joined().filter { $0.schemaID == schemaID }
            .sorted { ($0.subject, $0.version) < ($1.subject, $1.version) }
    }

    func insert(_ version: StoredVersion) {
        state.versions[version.subject, default: []].append(version)
        state.versions[version.subject]?.sort { $0.version < $1.version }
    }

    func markDeleted(subject: String, version: Int) {
        guard let index = state.versions[subject]?.firstIndex(where: { $0.version == version }) else { return }
        state.versions[subject]?[index].deleted = true
    }

    func remove(subject: String, version: Int) {
        state.versions[subject]?.removeAll { $0.version == version }
        if state.versions[subject]?.isEmpty == true { state.versions[subject] = nil }
    }

    func schemasReferencing(subject: String, version: Int) -> [Int] {
        state.schemas.values.filter { schema in
            schema.references.contains { $0.subject == subject && $0.version == version }
        }
        .map(\.id).sorted()
    }

    func compatibility(subject: String?) -> CompatibilityLevel? { state.compatibility[subject ?? Self.global] }

    func setCompatibility(_ level: CompatibilityLevel?, subject: String?) {
        state.compatibility[subject ?? Self.global] = level
    }

    func mode(subject: String?) -> RegistryMode? { state.modes[subject ?? Self.global] }

    func setMode(_ mode: RegistryMode?, subject: String?) { state.modes[subject ?? Self.global] = mode }
}
