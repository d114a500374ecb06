import Avro
import AvroRegistry
import Foundation
import GRDB

/// A registry's state in one SQLite file (WAL journal): reads run concurrently, writes one at a time, each
/// write one transaction, committed with a full sync before the registration is acknowledged.
public final class SQLiteRegistryStorage: RegistryStorage {
    let pool: DatabasePool
    /// The file.
    public let path: String

    /// Opens (or creates) the database at `path`; refuses a corrupt or foreign file.
    public init(path: String) throws {
        self.path = path
        pool = try RegistryDatabase.open(path: path)
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any RegistryTransaction) throws -> T) async throws
        -> T
    {
        try await pool.read { db in try body(SQLiteTransaction(db: db)) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any RegistryTransaction) throws -> T) async throws
        -> T
    {
        try await pool.write { db in try body(SQLiteTransaction(db: db)) }
    }

    /// Whether a write reaches the file now (for readiness): a transaction that changes a row, rolled back.
    public func probeWritable() async -> Bool {
        do {
            try await pool.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO settings (scope, kind, value) VALUES ('', 'probe', '')")
                try db.execute(sql: "DELETE FROM settings WHERE scope = '' AND kind = 'probe'")
            }
            return true
        } catch {
            return false
        }
    }

    /// How many schemas, subjects and live versions are stored (for metrics).
    public func counts() async throws -> (schemas: Int, subjects: Int, versions: Int) {
        try await pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM schemas") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT subject) FROM versions WHERE deleted = 0") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM versions WHERE deleted = 0") ?? 0
            )
        }
    }

    /// Closes the file (after the last request).
    public func close() throws {
        try pool.close()
    }
}

/// The registry's reads and writes as SQL, inside one GRDB transaction.
struct SQLiteTransaction: RegistryTransaction {
    let db: Database

    func schema(id: Int) throws -> StoredSchema? {
        try Row.fetchOne(db, sql: "SELECT id, text, refs, identity FROM schemas WHERE id = ?", arguments: [id])
            .map(Self.schema)
    }

    func schemas(identity: String) throws -> [StoredSchema] {
        try Row.fetchAll(
            db, sql: "SELECT id, text, refs, identity FROM schemas WHERE identity = ? ORDER BY id",
            arguments: [identity]
        ).map(Self.schema)
    }

    func maxSchemaID() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM schemas") ?? 0
    }

    func insert(_ schema: StoredSchema) throws {
        try db.execute(
            sql: "INSERT INTO schemas (id, text, refs, identity) VALUES (?, ?, ?, ?)",
            arguments: [schema.id, schema.text, try Self.encodeReferences(schema.references), schema.identity])
        for reference in schema.references {
            try db.execute(
                sql: "INSERT INTO schema_references (schema_id, subject, version) VALUES (?, ?, ?)",
                arguments: [schema.id, reference.subject, reference.version])
        }
    }

    func subjects() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT subject FROM versions ORDER BY subject")
    }

    func versions(of subject: String) throws -> [StoredVersion] {
        try Row.fetchAll(
            db, sql: "SELECT subject, version, schema_id, deleted FROM versions WHERE subject = ? ORDER BY version",
            arguments: [subject]
        ).map(Self.version)
    }

    func versions(ofSchema schemaID: Int) throws -> [StoredVersion] {
        try Row.fetchAll(
            db,
            sql: "SELECT subject, version, schema_id, deleted FROM versions WHERE schema_id = ? "
                + "ORDER BY subject, version",
            arguments: [schemaID]
        ).map(Self.version)
    }

    func insert(_ version: StoredVersion) throws {
        try db.execute(
            sql: "INSERT INTO versions (subject, version, schema_id, deleted, registered_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                version.subject, version.version, version.schemaID, version.deleted,
                ISO8601DateFormatter().string(from: Date()),
            ])
    }

    func markDeleted(subject: String, version: Int) throws {
        try db.execute(
            sql: "UPDATE versions SET deleted = 1 WHERE subject = ? AND version = ?", arguments: [subject, version])
    }

    func remove(subject: String, version: Int) throws {
        try db.execute(sql: "DELETE FROM versions WHERE subject = ? AND version = ?", arguments: [subject, version])
    }

    func schemasReferencing(subject: String, version: Int) throws -> [Int] {
        try Int.fetchAll(
            db,
            sql: "SELECT DISTINCT schema_id FROM schema_references WHERE subject = ? AND version = ? "
                + "ORDER BY schema_id",
            arguments: [subject, version])
    }

    func compatibility(subject: String?) throws -> CompatibilityLevel? {
        try setting("compatibility", subject).flatMap(CompatibilityLevel.init(rawValue:))
    }

    func setCompatibility(_ level: CompatibilityLevel?, subject: String?) throws {
        try setSetting("compatibility", subject, level?.rawValue)
    }

    func mode(subject: String?) throws -> RegistryMode? {
        try setting("mode", subject).flatMap(RegistryMode.init(rawValue:))
    }

    func setMode(_ mode: RegistryMode?, subject: String?) throws {
        try setSetting("mode", subject, mode?.rawValue)
    }

    // The global settings live under the scope "", which no subject in a URL path can be.
    private func setting(_ kind: String, _ subject: String?) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT value FROM settings WHERE scope = ? AND kind = ?", arguments: [subject ?? "", kind])
    }

    private func setSetting(_ kind: String, _ subject: String?, _ value: String?) throws {
        if let value {
            try db.execute(
                sql: "INSERT OR REPLACE INTO settings (scope, kind, value) VALUES (?, ?, ?)",
                arguments: [subject ?? "", kind, value])
        } else {
            try db.execute(
                sql: "DELETE FROM settings WHERE scope = ? AND kind = ?", arguments: [subject ?? "", kind])
        }
    }

    private static func schema(_ row: Row) throws -> StoredSchema {
        StoredSchema(
            id: row["id"], text: row["text"], references: try decodeReferences(row["refs"]),
            identity: row["identity"])
    }

    private static func version(_ row: Row) -> StoredVersion {
        StoredVersion(
            subject: row["subject"], version: row["version"], schemaID: row["schema_id"], deleted: row["deleted"])
    }

    static func encodeReferences(_ references: [SchemaReference]) throws -> String {
        String(decoding: try JSONEncoder().encode(references), as: UTF8.self)
    }

    static func decodeReferences(_ text: String) throws -> [SchemaReference] {
        try JSONDecoder().decode([SchemaReference].self, from: Data(text.utf8))
    }
}
