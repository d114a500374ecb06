import Synchronization

/// Compiled resolution plans, keyed by the writer's canonical-form fingerprint and the reader's full-schema
/// fingerprint (the reader's aliases and defaults change the plan; the writer's do not).
public final class ResolutionPlanCache: Sendable {
    /// The process-wide cache that codecs use.
    public static let shared = ResolutionPlanCache()

    private struct Key: Hashable {
        var writer: UInt64
        var reader: UInt64
    }

    private let plans = Mutex<[Key: DecodeProgram]>([:])

    /// Creates an empty cache.
    public init() {}

    /// The plan for reading `writer` data as `reader`, compiled on first use.
    public func plan(writer: Schema, reader: Schema) throws(ResolutionError) -> DecodeProgram {
        let key = Key(writer: writer.rabinFingerprint, reader: Rabin.fingerprint(reader.jsonText.utf8))
        if let plan = plans.withLock({ $0[key] }) { return plan }
        let plan = try ResolutionCompiler.compile(writer: writer, reader: reader)
        plans.withLock { $0[key] = plan }
        return plan
    }

    /// The number of plans cached.
    public var count: Int { plans.withLock { $0.count } }
}
