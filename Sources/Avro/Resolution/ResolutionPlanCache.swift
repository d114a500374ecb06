import Crypto
import Synchronization

/// Compiled resolution plans, keyed by SHA-256 digests of the writer's Parsing Canonical Form and of the
/// reader's full schema JSON (the reader's aliases and defaults change the plan; the writer's do not).
///
/// SHA-256, unlike a 64-bit CRC, cannot be made to collide by a crafted schema, so a plan is never used for a
/// pair it was not compiled for. The cache holds at most ``capacity`` plans and evicts the least recently used.
package final class ResolutionPlanCache: Sendable {
    /// The process-wide cache that codecs use.
    package static let shared = ResolutionPlanCache()

    /// The default number of plans kept.
    package static let defaultCapacity = 256

    private struct Key: Hashable, Sendable {
        /// SHA-256 of the writer's canonical form, then of the reader's JSON.
        var digests: [UInt8]
    }

    private struct Entry: Sendable {
        var plan: DecodeProgram
        var lastUse: UInt64
    }

    private struct State: Sendable {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    /// The most plans kept.
    package let capacity: Int

    /// Creates an empty cache that keeps at most `capacity` plans (at least one).
    package init(capacity: Int = ResolutionPlanCache.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// The plan for reading `writer` data as `reader`, compiled on first use.
    func plan(writer: Schema, reader: Schema) throws(ResolutionError) -> DecodeProgram {
        let key = Key(
            digests: Array(SHA256.hash(data: Array(writer.canonicalForm.utf8)))
                + Array(SHA256.hash(data: Array(reader.jsonText.utf8))))
        let cached = state.withLock { state -> DecodeProgram? in
            guard let plan = state.entries[key]?.plan else { return nil }
            state.clock += 1
            state.entries[key]?.lastUse = state.clock
            return plan
        }
        if let cached { return cached }
        let plan = try ResolutionCompiler.compile(writer: writer, reader: reader)
        state.withLock { state in
            state.clock += 1
            state.entries[key] = Entry(plan: plan, lastUse: state.clock)
            if state.entries.count > capacity,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
            {
                state.entries[oldest] = nil
            }
        }
        return plan
    }

    /// The number of plans cached.
    package var count: Int { state.withLock { $0.entries.count } }
}
