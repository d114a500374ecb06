import Foundation
import GRDB

/// The registry's SQLite file: opened (created when missing) in WAL mode with full synchronous commits, checked
/// to be a registry database before anything is written to it, and migrated to the current schema.
enum RegistryDatabase {
    /// `PRAGMA application_id` of a registry database ("AVRG"): a file without it that holds tables belongs to
    /// something else and is never touched.
    static let applicationID: Int32 = 0x4156_5247

    /// Why a file cannot be used.
    struct OpenError: Error, CustomStringConvertible {
        var description: String
    }

    /// Opens the database at `path`, refusing a file that is not a registry database.
    static func open(path: String) throws -> DatabasePool {
        try checkHeader(path: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // An acknowledged registration must survive a crash of the process or of the machine.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try checkOwner(path: path)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw OpenError(description: "\(path): cannot open the registry database: \(error)")
        }
        do {
            try RegistryMigrations.migrator.migrate(pool)
        } catch {
            throw OpenError(description: "\(path): cannot migrate the registry database: \(error)")
        }
        return pool
    }

    /// An existing database must be a registry's (its application id) or hold no table; checked read-only, so a
    /// foreign file is not even switched to WAL.
    private static func checkOwner(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables =
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                if id != applicationID && (id != 0 || tables > 0) {
                    throw OpenError(
                        description:
                            "\(path) is a SQLite database of another application (application_id \(id), \(tables) "
                            + "tables): refusing to use it as a registry database")
                }
            }
        } catch let error as OpenError {
            throw error
        } catch {
            throw OpenError(description: "\(path): cannot read the database (refusing to use it): \(error)")
        }
    }

    /// A non-empty file must start with SQLite's header; anything else is refused rather than overwritten.
    private static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        if header != Data("SQLite format 3\u{0}".utf8) {
            throw OpenError(
                description: "\(path) is not a SQLite database (corrupt or another kind of file): refusing to use it")
        }
    }
}
