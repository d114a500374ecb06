import Avro

/// A schema as stored: its global id, the text served for it, its references and the key that identifies equal
/// schemas (so the same schema under two subjects gets one id).
public struct StoredSchema: Sendable, Hashable {
    /// The global id.
    public var id: Int
    /// The schema's JSON text as served.
    public var text: String
    /// The named types it uses from other subjects.
    public var references: [SchemaReference]
    /// A digest of the text and the references: equal for schemas that get the same id.
    public var identity: String

    /// Creates a stored schema.
    public init(id: Int, text: String, references: [SchemaReference], identity: String) {
        self.id = id
        self.text = text
        self.references = references
        self.identity = identity
    }
}

/// One version of a subject.
public struct StoredVersion: Sendable, Hashable {
    /// The subject.
    public var subject: String
    /// The version number (1, 2, …; numbers are never reused while the version exists).
    public var version: Int
    /// The id of its schema.
    public var schemaID: Int
    /// Soft-deleted: hidden unless asked for with `deleted=true`.
    public var deleted: Bool

    /// Creates a version.
    public init(subject: String, version: Int, schemaID: Int, deleted: Bool) {
        self.subject = subject
        self.version = version
        self.schemaID = schemaID
        self.deleted = deleted
    }
}

/// Where a registry keeps its state: runs a body in a read or a write transaction. A write either commits all of
/// its changes or none, and writes run one at a time, so the ``RegistryEngine`` needs no locking of its own.
public protocol RegistryStorage: Sendable {
    /// Runs `body` with a consistent view of the store.
    func read<T: Sendable>(_ body: @escaping @Sendable (any RegistryTransaction) throws -> T) async throws -> T
    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
    func write<T: Sendable>(_ body: @escaping @Sendable (any RegistryTransaction) throws -> T) async throws -> T
}

/// The primitive reads and writes of a registry's state, inside one transaction.
public protocol RegistryTransaction {
    /// The schema with this id.
    func schema(id: Int) throws -> StoredSchema?
    /// The schemas with this identity, lowest id first (several only when IMPORT gave one schema two ids).
    func schemas(identity: String) throws -> [StoredSchema]
    /// The highest id in use (0 when none).
    func maxSchemaID() throws -> Int
    /// Stores a new schema.
    func insert(_ schema: StoredSchema) throws
    /// Every subject that has at least one version (soft-deleted ones included), sorted.
    func subjects() throws -> [String]
    /// Every version of `subject` (soft-deleted ones included), oldest first.
    func versions(of subject: String) throws -> [StoredVersion]
    /// Every version, of any subject, whose schema is `schemaID`.
    func versions(ofSchema schemaID: Int) throws -> [StoredVersion]
    /// Stores a new version.
    func insert(_ version: StoredVersion) throws
    /// Marks a version soft-deleted.
    func markDeleted(subject: String, version: Int) throws
    /// Removes a version for good.
    func remove(subject: String, version: Int) throws
    /// The ids of the schemas whose references name (`subject`, `version`).
    func schemasReferencing(subject: String, version: Int) throws -> [Int]
    /// The compatibility level set for `subject` (`nil`: the global one).
    func compatibility(subject: String?) throws -> CompatibilityLevel?
    /// Sets (or with `nil` removes) a compatibility level.
    func setCompatibility(_ level: CompatibilityLevel?, subject: String?) throws
    /// The mode set for `subject` (`nil`: the global one).
    func mode(subject: String?) throws -> RegistryMode?
    /// Sets (or with `nil` removes) a mode.
    func setMode(_ mode: RegistryMode?, subject: String?) throws
}
