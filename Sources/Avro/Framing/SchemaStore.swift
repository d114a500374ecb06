import Synchronization

/// Schemas by fingerprint, to find the writer schema of single-object messages.
public final class SchemaStore: Sendable {
    private let schemas = Mutex<[UInt64: Schema]>([:])

    /// Creates a store holding `schemas`.
    public init(_ schemas: [Schema] = []) {
        for schema in schemas { add(schema) }
    }

    /// Adds `schema` under its CRC-64-AVRO fingerprint.
    public func add(_ schema: Schema) {
        let fingerprint = schema.rabinFingerprint
        schemas.withLock { $0[fingerprint] = schema }
    }

    /// The schema with `fingerprint`, if known.
    public func schema(fingerprint: UInt64) -> Schema? {
        schemas.withLock { $0[fingerprint] }
    }
}
