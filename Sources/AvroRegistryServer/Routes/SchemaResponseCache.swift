import Synchronization

/// Encoded `GET /schemas/ids/{id}` answers: a schema never changes under its id, so the answer is computed once.
/// A permanent delete can make an id disappear, so it empties the cache.
final class SchemaResponseCache: Sendable {
    private let entries = Mutex<[Int: [UInt8]]>([:])
    /// Bounds the memory a scan over many ids can take.
    private let limit: Int

    init(limit: Int = 100_000) { self.limit = limit }

    func get(_ id: Int) -> [UInt8]? { entries.withLock { $0[id] } }

    func set(_ id: Int, _ bytes: [UInt8]) {
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[id] = bytes
        }
    }

    func removeAll() { entries.withLock { $0.removeAll() } }
}
