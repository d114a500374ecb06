import GRDB

/// The database schema, version by version. A release only ever appends migrations, so a file written by an
/// older release opens and is brought up to date.
enum RegistryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: schemas, versions, settings") { db in
            try db.execute(sql: "PRAGMA application_id = \(RegistryDatabase.applicationID)")
            try db.execute(
                sql: """
                    CREATE TABLE schemas (
                        id INTEGER PRIMARY KEY,
                        text TEXT NOT NULL,
                        refs TEXT NOT NULL,
                        identity TEXT NOT NULL
                    );
                    CREATE INDEX schemas_by_identity ON schemas(identity);
                    CREATE TABLE versions (
                        subject TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        schema_id INTEGER NOT NULL REFERENCES schemas(id),
                        deleted INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (subject, version)
                    );
                    CREATE INDEX versions_by_schema ON versions(schema_id);
                    CREATE TABLE settings (
                        scope TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (scope, kind)
                    );
                    """)
        }
        migrator.registerMigration("v2: reference index, registration time") { db in
            try db.execute(
                sql: """
                    CREATE TABLE schema_references (
                        schema_id INTEGER NOT NULL REFERENCES schemas(id),
                        subject TEXT NOT NULL,
                        version INTEGER NOT NULL
                    );
                    CREATE INDEX schema_references_by_target ON schema_references(subject, version);
                    ALTER TABLE versions ADD COLUMN registered_at TEXT;
                    """)
            // Backfill the index from the references stored with each schema.
            let rows = try Row.fetchAll(db, sql: "SELECT id, refs FROM schemas")
            for row in rows {
                let id: Int = row["id"]
                let refs: String = row["refs"]
                for reference in try SQLiteTransaction.decodeReferences(refs) {
                    try db.execute(
                        sql: "INSERT INTO schema_references (schema_id, subject, version) VALUES (?, ?, ?)",
                        arguments: [id, reference.subject, reference.version])
                }
            }
        }
        return migrator
    }
}
