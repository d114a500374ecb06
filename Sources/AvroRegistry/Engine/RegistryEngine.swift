import Avro
import Synchronization

/// The Schema Registry's semantics, as Confluent's registry has them, over any ``RegistryStorage``: one global
/// id per distinct schema, versions per subject, compatibility enforced on registration with the project's own
/// checker, soft and permanent deletes, references, config and modes.
///
/// The embedded server answers HTTP with it, and the in-memory registry is it over ``InMemoryRegistryStorage``.
/// Every method throws ``RegistryError``.
public struct RegistryEngine: Sendable {
    /// Where the state lives.
    public let storage: any RegistryStorage
    /// The level of a registry whose global level was never set (Confluent's default).
    public var defaultCompatibility: CompatibilityLevel = .backward
    /// An extra check of every registration (e.g. lint rules).
    public var gate: (any RegistrationGate)?
    /// Parsed schemas by id: a schema's text and references never change once stored.
    private let parsed = ParsedSchemaCache()

    /// An engine over `storage`.
    public init(storage: any RegistryStorage, gate: (any RegistrationGate)? = nil) {
        self.storage = storage
        self.gate = gate
    }

    // MARK: Schemas by id

    /// `GET /schemas/ids/{id}`.
    public func schema(id: Int) async throws(RegistryError) -> StoredSchema {
        try await read { store throws(RegistryError) in
            // A schema whose every version was deleted permanently is gone, as in Confluent's registry.
            guard let schema = try catching({ try store.schema(id: id) }),
                try !catching({ try store.versions(ofSchema: id) }).isEmpty
            else { throw .schemaNotFound(id: id) }
            return schema
        }
    }

    /// `GET /schemas/ids/{id}/versions`: the subjects and versions that use the schema (soft-deleted ones too
    /// with `deleted`).
    public func versions(ofSchema id: Int, deleted: Bool = false) async throws(RegistryError) -> [SubjectVersion] {
        try await read { store throws(RegistryError) in
            let all = try catching { try store.versions(ofSchema: id) }
            guard try catching({ try store.schema(id: id) }) != nil, !all.isEmpty else { throw .schemaNotFound }
            return all.filter { deleted || !$0.deleted }.map {
                SubjectVersion(subject: $0.subject, version: $0.version)
            }
        }
    }

    /// `GET /schemas`: every version of the subjects with `prefix` (only the latest of each with `latestOnly`),
    /// by subject then version; `limit` ≤ 0 means 1,000, as Confluent's default.
    public func schemas(
        subjectPrefix prefix: String = "", deleted: Bool = false, latestOnly: Bool = false, offset: Int = 0,
        limit: Int = -1
    ) async throws(RegistryError) -> [SubjectSchema] {
        try await read { store throws(RegistryError) in
            var result: [SubjectSchema] = []
            for subject in try catching({ try store.subjects() }) where subject.hasPrefix(prefix) {
                var versions = try catching { try store.versions(of: subject) }.filter { deleted || !$0.deleted }
                if latestOnly, let last = versions.last { versions = [last] }
                for version in versions {
                    result.append(try Self.subjectSchema(version, store: store))
                }
            }
            let start = min(max(offset, 0), result.count)
            let end = min(start + (limit > 0 ? limit : 1000), result.count)
            return Array(result[start..<end])
        }
    }

    // MARK: Subjects and versions

    /// `GET /subjects`.
    public func subjects(prefix: String = "", deleted: Bool = false, deletedOnly: Bool = false)
        async throws(RegistryError) -> [String]
    {
        try await read { store throws(RegistryError) in
            var subjects: [String] = []
            for subject in try catching({ try store.subjects() }) where subject.hasPrefix(prefix) {
                let versions = try catching { try store.versions(of: subject) }
                // A subject is deleted when every version is soft-deleted.
                let isDeleted = !versions.contains { !$0.deleted }
                if deletedOnly ? isDeleted : (deleted || !isDeleted) { subjects.append(subject) }
            }
            return subjects
        }
    }

    /// `GET /subjects/{subject}/versions`: the live versions; with `deleted` the soft-deleted ones too, with
    /// `deletedOnly` only those.
    public func versions(of subject: String, deleted: Bool = false, deletedOnly: Bool = false)
        async throws(RegistryError) -> [Int]
    {
        try await read { store throws(RegistryError) in
            let all = try catching { try store.versions(of: subject) }
            if deletedOnly {
                guard !all.isEmpty else { throw .subjectNotFound(subject) }
                return all.filter(\.deleted).map(\.version)
            }
            let chosen = all.filter { deleted || !$0.deleted }
            guard !chosen.isEmpty else { throw .subjectNotFound(subject) }
            return chosen.map(\.version)
        }
    }

    /// `GET /subjects/{subject}/versions/{version}`.
    public func version(_ spec: VersionSpec, of subject: String, deleted: Bool = false)
        async throws(RegistryError) -> SubjectSchema
    {
        try await read { store throws(RegistryError) in
            let version = try Self.find(spec, of: subject, deleted: deleted, store: store)
            return try Self.subjectSchema(version, store: store)
        }
    }

    /// `GET /subjects/{subject}/versions/{version}/referencedby`: the ids of the schemas that reference it.
    public func referencedBy(_ spec: VersionSpec, of subject: String) async throws(RegistryError) -> [Int] {
        try await read { store throws(RegistryError) in
            let version = try Self.find(spec, of: subject, deleted: true, store: store)
            return try catching { try store.schemasReferencing(subject: subject, version: version.version) }
        }
    }

    /// `POST /subjects/{subject}`: the version of `subject` that holds the schema (soft-deleted ones too with
    /// `deleted`). The schema is checked first (42201), then the subject (40401), then the match (40403).
    public func lookup(
        _ request: RegisterSchemaRequest, in subject: String, normalize: Bool = false, deleted: Bool = false
    ) async throws(RegistryError) -> SubjectSchema {
        try Self.checkType(request.schemaType)
        return try await read { store throws(RegistryError) in
            let versions = try catching { try store.versions(of: subject) }.filter { deleted || !$0.deleted }
            if request.schema.isEmpty {
                throw versions.isEmpty ? .subjectNotFound(subject) : .schemaNotFound
            }
            let schema = try ParsedSchema(
                text: request.schema, references: request.references ?? [], subject: subject, normalize: normalize,
                in: store)
            guard !versions.isEmpty else { throw .subjectNotFound(subject) }
            let ids = Set(try catching { try store.schemas(identity: schema.identity) }.map(\.id))
            guard let version = versions.last(where: { ids.contains($0.schemaID) }) else {
                throw RegistryError.schemaNotFound
            }
            return try Self.subjectSchema(version, store: store)
        }
    }

    // MARK: Registration

    /// `POST /subjects/{subject}/versions`: the schema's id, registering it (and a new version) unless the
    /// subject already holds it live — which answers even in READONLY and IMPORT mode, as Confluent's registry.
    ///
    /// A schema known under any subject keeps its id. A new version is checked against the subject's
    /// compatibility level (skipped in IMPORT mode, where the request gives `id` and may give `version`) and
    /// the ``gate``. Re-registering a schema whose version was soft-deleted gives a new version and removes the
    /// soft-deleted one.
    public func register(_ request: RegisterSchemaRequest, under subject: String, normalize: Bool = false)
        async throws(RegistryError) -> Int
    {
        try Self.checkType(request.schemaType)
        try Self.checkSubject(subject)
        let engine = self
        return try await write { store throws(RegistryError) in
            let versions = try catching { try store.versions(of: subject) }
            let live = versions.filter { !$0.deleted }
            var text = request.schema
            var references = request.references ?? []
            if text.isEmpty, let latest = live.last,
                let stored = try catching({ try store.schema(id: latest.schemaID) })
            {
                text = stored.text
                references = stored.references
            }
            let schema = try ParsedSchema(
                text: text, references: references, subject: subject, normalize: normalize, in: store)
            let givenID = request.id.flatMap { $0 >= 0 ? $0 : nil }
            let givenVersion = request.version.flatMap { $0 > 0 ? $0 : nil }
            let known = try catching { try store.schemas(identity: schema.identity) }
            for stored in known where givenID == nil || givenID == stored.id {
                if let version = live.first(where: { $0.schemaID == stored.id }),
                    givenVersion == nil || givenVersion == version.version
                {
                    return stored.id
                }
            }
            let mode = try engine.effectiveMode(subject: subject, store: store)
            if mode.isReadOnly { throw .operationNotPermitted("Subject \(subject) is in read-only mode") }
            if givenID != nil && mode != .importing {
                throw .operationNotPermitted("Subject \(subject) is not in import mode")
            }
            if givenID == nil && mode != .readWrite {
                throw .operationNotPermitted("Subject \(subject) is not in read-write mode")
            }
            let next = (versions.map(\.version).max() ?? 0) + 1
            if mode != .importing {
                let level = try engine.effectiveCompatibility(subject: subject, store: store)
                let messages = try engine.incompatibilities(of: schema, against: live, level: level, store: store)
                if !messages.isEmpty { throw .incompatibleSchema(subject, details: messages) }
                if let gate = engine.gate,
                    let refusal = gate.review(subject: subject, schema: schema.root, sources: schema.sources)
                {
                    throw refusal
                }
                if let givenVersion, givenVersion != next {
                    throw RegistryError(
                        status: 422, code: 42201, message: "Version is not one more than previous version")
                }
            }
            let id: Int
            if let givenID {
                if let other = try catching({ try store.schema(id: givenID) }) {
                    guard other.identity == schema.identity else {
                        throw .operationNotPermitted("Overwrite new schema with id \(givenID) is not permitted.")
                    }
                } else {
                    try catching {
                        try store.insert(
                            StoredSchema(
                                id: givenID, text: schema.text, references: schema.references,
                                identity: schema.identity))
                    }
                }
                id = givenID
            } else if let existing = known.first {
                id = existing.id
            } else {
                id = try catching { try store.maxSchemaID() } + 1
                try catching {
                    try store.insert(
                        StoredSchema(
                            id: id, text: schema.text, references: schema.references, identity: schema.identity))
                }
            }
            let number = givenVersion ?? next
            for version in versions
            where (version.deleted && version.schemaID == id) || version.version == number {
                // A soft-deleted version of the same schema gives way to the new one; in IMPORT mode, so does a
                // version with the given number.
                try catching { try store.remove(subject: subject, version: version.version) }
            }
            try catching {
                try store.insert(StoredVersion(subject: subject, version: number, schemaID: id, deleted: false))
            }
            return id
        }
    }

    // MARK: Compatibility

    /// `POST /compatibility/subjects/{subject}/versions[/{version}]`: whether `request` may be registered, checked
    /// against one version (`version`, whose number must exist: 40402 even for an unknown subject), or as the
    /// subject's level checks a registration (`nil`: the latest, or every live version for transitive levels).
    /// With `verbose`, an invalid schema is an incompatible answer with the parser's message, not an error.
    public func checkCompatibility(
        _ request: RegisterSchemaRequest, subject: String, version spec: VersionSpec?, verbose: Bool = false,
        normalize: Bool = false
    ) async throws(RegistryError) -> CompatibilityCheckResponse {
        try Self.checkType(request.schemaType)
        let engine = self
        return try await read { store throws(RegistryError) in
            let live = try catching { try store.versions(of: subject) }.filter { !$0.deleted }
            var against = live
            var level = try engine.effectiveCompatibility(subject: subject, store: store)
            if let spec {
                switch spec {
                case .latest: against = live.last.map { [$0] } ?? []
                case .number(let number):
                    guard let version = live.first(where: { $0.version == number }) else {
                        throw .versionNotFound("\(number)")
                    }
                    against = [version]
                }
                // Against one given version, a transitive level's direction applies to that version alone.
                level = level.nonTransitive
            }
            let schema: ParsedSchema
            do throws(RegistryError) {
                schema = try ParsedSchema(
                    text: request.schema, references: request.references ?? [], subject: subject,
                    normalize: normalize, in: store)
            } catch {
                guard verbose, error.code == 42201 else { throw error }
                return CompatibilityCheckResponse(isCompatible: false, messages: [error.message])
            }
            let messages = try engine.incompatibilities(of: schema, against: against, level: level, store: store)
            return CompatibilityCheckResponse(isCompatible: messages.isEmpty, messages: verbose ? messages : nil)
        }
    }

    /// Confluent's verbose messages for `schema` against the live versions `against` (oldest first) at `level`:
    /// empty when compatible. Transitive levels check from the newest version down and report the first that
    /// fails.
    private func incompatibilities(
        of schema: ParsedSchema, against live: [StoredVersion], level: CompatibilityLevel,
        store: any RegistryTransaction
    ) throws(RegistryError) -> [String] {
        guard level != .none, let latest = live.last else { return [] }
        let transitive = level != level.nonTransitive
        for version in transitive ? Array(live.reversed()) : [latest] {
            let old = try parsedSchema(id: version.schemaID, subject: version.subject, store: store)
            let findings = level.nonTransitive.check(schema.root, against: [old.root])
            if !findings.isEmpty {
                return CompatibilityMessages.messages(
                    for: findings, version: version.version, oldText: old.text, level: level)
            }
        }
        return []
    }

    // MARK: Deletes

    /// `DELETE /subjects/{subject}`: the versions deleted (the live ones; every one when `permanent`).
    public func deleteSubject(_ subject: String, permanent: Bool = false) async throws(RegistryError) -> [Int] {
        let engine = self
        return try await write { store throws(RegistryError) in
            let versions = try catching { try store.versions(of: subject) }
            guard !versions.isEmpty else { throw .subjectNotFound(subject) }
            let live = versions.filter { !$0.deleted }
            if !permanent && live.isEmpty { throw .subjectSoftDeleted(subject) }
            try engine.checkWritable(subject: subject, store: store)
            let affected = permanent ? versions : live
            for version in affected {
                if try !catching({ try store.schemasReferencing(subject: subject, version: version.version) })
                    .isEmpty
                {
                    throw .referenceExists(subject, version.version)
                }
                if permanent && !version.deleted { throw .subjectNotSoftDeleted(subject) }
            }
            for version in affected {
                if permanent {
                    try catching { try store.remove(subject: subject, version: version.version) }
                } else {
                    try catching { try store.markDeleted(subject: subject, version: version.version) }
                }
            }
            if permanent {
                try catching { try store.setCompatibility(nil, subject: subject) }
                try catching { try store.setMode(nil, subject: subject) }
            }
            return affected.map(\.version)
        }
    }

    /// `DELETE /subjects/{subject}/versions/{version}`: the version deleted. `latest` names the newest live
    /// version, so it never deletes permanently (a version must be soft-deleted first).
    public func deleteVersion(_ spec: VersionSpec, of subject: String, permanent: Bool = false)
        async throws(RegistryError) -> Int
    {
        let engine = self
        return try await write { store throws(RegistryError) in
            let version = try Self.find(spec, of: subject, deleted: true, store: store)
            if !permanent && version.deleted { throw .versionSoftDeleted(subject, "\(spec)") }
            try engine.checkWritable(subject: subject, store: store)
            if try !catching({ try store.schemasReferencing(subject: subject, version: version.version) }).isEmpty {
                throw .referenceExists(subject, version.version)
            }
            if permanent {
                guard version.deleted else { throw .versionNotSoftDeleted(subject, version.version) }
                try catching { try store.remove(subject: subject, version: version.version) }
            } else {
                try catching { try store.markDeleted(subject: subject, version: version.version) }
            }
            return version.version
        }
    }

    // MARK: Config and mode

    /// `GET /config[/{subject}]`: the level set for `subject` (the global one for `nil`); with
    /// `defaultToGlobal`, a subject without a level of its own answers the global one.
    public func compatibility(subject: String?, defaultToGlobal: Bool = false) async throws(RegistryError)
        -> CompatibilityLevel
    {
        let engine = self
        return try await read { store throws(RegistryError) in
            if let subject {
                if let level = try catching({ try store.compatibility(subject: subject) }) { return level }
                guard defaultToGlobal else { throw .subjectCompatibilityNotConfigured(subject) }
            }
            return try catching { try store.compatibility(subject: nil) } ?? engine.defaultCompatibility
        }
    }

    /// `PUT /config[/{subject}]` (refused in read-only mode).
    public func setCompatibility(_ level: CompatibilityLevel, subject: String?) async throws(RegistryError) {
        if let subject { try Self.checkSubject(subject) }
        let engine = self
        try await write { store throws(RegistryError) in
            try engine.checkWritable(subject: subject, store: store)
            try catching { try store.setCompatibility(level, subject: subject) }
        }
    }

    /// `DELETE /config[/{subject}]`: removes the level set (the global one returns to the default) and answers
    /// the level that was set; 40401 for a subject without one, as Confluent's registry answers.
    public func deleteCompatibility(subject: String?) async throws(RegistryError) -> CompatibilityLevel {
        let engine = self
        return try await write { store throws(RegistryError) in
            try engine.checkWritable(subject: subject, store: store)
            let current = try catching { try store.compatibility(subject: subject) }
            if let subject, current == nil { throw .subjectNotFound(subject) }
            try catching { try store.setCompatibility(nil, subject: subject) }
            return current ?? engine.defaultCompatibility
        }
    }

    /// `GET /mode[/{subject}]`.
    public func mode(subject: String?, defaultToGlobal: Bool = false) async throws(RegistryError) -> RegistryMode {
        try await read { store throws(RegistryError) in
            if let subject {
                if let mode = try catching({ try store.mode(subject: subject) }) { return mode }
                guard defaultToGlobal else { throw .subjectModeNotConfigured(subject) }
            }
            return try catching { try store.mode(subject: nil) } ?? .readWrite
        }
    }

    /// `PUT /mode[/{subject}]`. IMPORT may only be entered while the subject (or, globally, every subject)
    /// holds no live version, unless `force`.
    public func setMode(_ mode: RegistryMode, subject: String?, force: Bool = false) async throws(RegistryError) {
        if let subject { try Self.checkSubject(subject) }
        let engine = self
        try await write { store throws(RegistryError) in
            let current = try engine.effectiveMode(subject: subject, store: store)
            if mode == .importing && current != .importing && !force {
                let subjects: [String]
                if let subject { subjects = [subject] } else { subjects = try catching { try store.subjects() } }
                for name in subjects
                where try catching({ try store.versions(of: name) }).contains(where: { !$0.deleted }) {
                    throw .operationNotPermitted("Cannot import since found existing subjects")
                }
            }
            try catching { try store.setMode(mode, subject: subject) }
        }
    }

    /// `DELETE /mode[/{subject}]`: removes the mode set and answers it; 40401 for a subject without one, as
    /// Confluent's registry answers.
    public func deleteMode(subject: String?) async throws(RegistryError) -> RegistryMode {
        try await write { store throws(RegistryError) in
            let current = try catching { try store.mode(subject: subject) }
            if let subject, current == nil { throw .subjectNotFound(subject) }
            try catching { try store.setMode(nil, subject: subject) }
            return current ?? .readWrite
        }
    }

    // MARK: Helpers

    private func effectiveCompatibility(subject: String, store: any RegistryTransaction) throws(RegistryError)
        -> CompatibilityLevel
    {
        try catching { try store.compatibility(subject: subject) ?? store.compatibility(subject: nil) }
            ?? defaultCompatibility
    }

    /// The subject's mode, else the global one; a global READONLY_OVERRIDE wins over any subject's.
    /// (For `nil`, the global mode.)
    private func effectiveMode(subject: String?, store: any RegistryTransaction) throws(RegistryError)
        -> RegistryMode
    {
        let global = try catching { try store.mode(subject: nil) }
        guard let subject, global != .readOnlyOverride else { return global ?? .readWrite }
        return try catching { try store.mode(subject: subject) } ?? global ?? .readWrite
    }

    private func checkWritable(subject: String?, store: any RegistryTransaction) throws(RegistryError) {
        let mode = try effectiveMode(subject: subject, store: store)
        if mode.isReadOnly { throw .operationNotPermitted("Subject \(subject ?? "null") is in read-only mode") }
    }

    /// 42208 for names Confluent's registry refuses: control characters and its reserved names.
    private static func checkSubject(_ subject: String) throws(RegistryError) {
        if subject.isEmpty || subject == "__GLOBAL" || subject == "__EMPTY"
            || subject.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            throw .invalidSubject(subject)
        }
    }

    /// The stored schema `id`, parsed (once per id).
    private func parsedSchema(id: Int, subject: String, store: any RegistryTransaction) throws(RegistryError)
        -> ParsedSchema
    {
        if let cached = parsed.get(id) { return cached }
        guard let stored = try catching({ try store.schema(id: id) }) else { throw .schemaNotFound(id: id) }
        let schema = try ParsedSchema(text: stored.text, references: stored.references, subject: subject, in: store)
        parsed.set(id, schema)
        return schema
    }

    private static func checkType(_ type: String?) throws(RegistryError) {
        if let type, type != "AVRO" { throw .unsupportedSchemaType(type) }
    }

    /// The version `spec` names: `latest` is the newest live version; a number may be soft-deleted when
    /// `deleted`. 40401 when the subject has no version (live, or any with `deleted`), else 40402.
    private static func find(_ spec: VersionSpec, of subject: String, deleted: Bool, store: any RegistryTransaction)
        throws(RegistryError) -> StoredVersion
    {
        let all = try catching { try store.versions(of: subject) }
        let versions = all.filter { deleted || !$0.deleted }
        guard !versions.isEmpty else { throw .subjectNotFound(subject) }
        switch spec {
        case .latest:
            guard let latest = versions.last(where: { !$0.deleted }) else { throw .versionNotFound("-1") }
            return latest
        case .number(let number):
            guard let version = versions.first(where: { $0.version == number }) else {
                throw .versionNotFound("\(number)")
            }
            return version
        }
    }

    private static func subjectSchema(_ version: StoredVersion, store: any RegistryTransaction) throws(RegistryError)
        -> SubjectSchema
    {
        guard let schema = try catching({ try store.schema(id: version.schemaID) }) else {
            throw .schemaNotFound(id: version.schemaID)
        }
        return SubjectSchema(
            subject: version.subject, version: version.version, id: schema.id,
            references: schema.references.isEmpty ? nil : schema.references, schema: schema.text)
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (any RegistryTransaction) throws(RegistryError) -> T)
        async throws(RegistryError) -> T
    {
        try await catching { try await storage.read { store in try body(store) } }
    }

    private func write<T: Sendable>(_ body: @escaping @Sendable (any RegistryTransaction) throws(RegistryError) -> T)
        async throws(RegistryError) -> T
    {
        try await catching { try await storage.write { store in try body(store) } }
    }
}

/// Runs a storage call, turning its errors into 50001 (registry errors pass through).
func catching<T>(_ body: () throws -> T) throws(RegistryError) -> T {
    do {
        return try body()
    } catch {
        throw storeError(error)
    }
}

/// Runs an asynchronous storage call, turning its errors into 50001 (registry errors pass through).
func catching<T>(_ body: () async throws -> T) async throws(RegistryError) -> T {
    do {
        return try await body()
    } catch {
        throw storeError(error)
    }
}

private func storeError(_ error: any Error) -> RegistryError {
    error as? RegistryError ?? .storeError("\(error)")
}

/// Parsed schemas by id, shared by the copies of an engine.
final class ParsedSchemaCache: Sendable {
    private let entries = Mutex<[Int: ParsedSchema]>([:])

    func get(_ id: Int) -> ParsedSchema? { entries.withLock { $0[id] } }
    func set(_ id: Int, _ schema: ParsedSchema) { entries.withLock { $0[id] = schema } }
}

extension CompatibilityLevel {
    /// The same direction against one version.
    var nonTransitive: CompatibilityLevel {
        switch self {
        case .backwardTransitive: .backward
        case .forwardTransitive: .forward
        case .fullTransitive: .full
        default: self
        }
    }
}
