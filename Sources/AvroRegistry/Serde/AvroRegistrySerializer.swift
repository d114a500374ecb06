import Avro
import Synchronization

/// Writes generated models and generic values in Confluent's wire format (byte 0, the schema's 4-byte big-endian
/// id, the Avro datum), finding the id through a ``SchemaRegistryClient`` as Confluent's `KafkaAvroSerializer`
/// does: register the object's schema (the default), look it up, use a given id, or use the subject's latest
/// version.
///
/// Safe to share between tasks. The id for a (topic, model type) is resolved once and kept, so a serialize that
/// hits the cache does no I/O and no schema work: it writes the 5-byte header and the model's own encoding into
/// one buffer. The methods run on the caller's executor (`nonisolated(nonsending)`): a cached call does not hop
/// between executors.
public final class AvroRegistrySerializer: Sendable {
    /// How the serializer picks the subject and the schema id.
    public struct Configuration: Sendable {
        /// Whether this serializer writes message keys (`<topic>-key` under the topic name strategy).
        public var isKey: Bool
        /// How the subject is named.
        public var subjectNameStrategy: SubjectNameStrategy = .topicName
        /// Register the object's schema when the subject lacks it (Confluent's `auto.register.schemas`, default on).
        /// Off: the schema must already be registered (a lookup).
        public var autoRegister = true
        /// Frame every message with this id (Confluent's `use.schema.id`); the data is written in that schema
        /// (resolved from the object's schema when they differ).
        public var useSchemaID: Int?
        /// Frame with the subject's latest version (Confluent's `use.latest.version`), after checking that it can
        /// read the object's schema; the data is written in the latest schema. Re-read after the client's
        /// ``RegistryClientConfiguration/latestTTL``.
        public var useLatestVersion = false
        /// Register and look up the normalized schema (Confluent's `normalize.schemas`).
        public var normalize = false

        /// A configuration for message values (`isKey: false`) or keys.
        public init(isKey: Bool = false) {
            self.isKey = isKey
        }
    }

    /// The registry client.
    public let client: SchemaRegistryClient
    /// The configuration.
    public let configuration: Configuration

    @usableFromInline struct Key: Hashable, Sendable {
        @usableFromInline var topic: String
        @usableFromInline var type: ObjectIdentifier?
        /// The schema of generic values (models are keyed by type).
        @usableFromInline var schema: Schema.Identity?

        @usableFromInline init(topic: String, type: ObjectIdentifier? = nil, schema: Schema.Identity? = nil) {
            self.topic = topic
            self.type = type
            self.schema = schema
        }
    }

    /// The framing of one (topic, schema): the id, and a transcoder when the registered schema is not the object's.
    /// A class, so a cache hit retains one object.
    @usableFromInline final class Target: Sendable {
        @usableFromInline let id: Int32
        @usableFromInline let transcoder: AvroTranscoder?
        let codec: AvroGenericCodec?
        let expires: ContinuousClock.Instant?

        init(id: Int32, transcoder: AvroTranscoder?, codec: AvroGenericCodec?, expires: ContinuousClock.Instant?) {
            self.id = id
            self.transcoder = transcoder
            self.codec = codec
            self.expires = expires
        }
    }

    /// Every resolved target, and the last one used: a serializer mostly writes one type to one topic, and
    /// comparing with the last key is cheaper than hashing it.
    private struct Targets {
        var last: (key: Key, target: Target)?
        var all: [Key: Target] = [:]
    }

    private let targets = Mutex(Targets())
    /// Resolutions under way, so concurrent first uses of one (topic, schema) make one set of requests.
    private let resolving = Mutex<[Key: Task<Target, any Error>]>([:])

    /// A serializer that resolves ids through `client`.
    public init(client: SchemaRegistryClient, configuration: Configuration = Configuration()) {
        self.client = client
        self.configuration = configuration
    }

    /// `value` in Confluent's wire format for `topic`.
    ///
    /// Inlinable, so the cached path is specialized for `Model` in the caller's module.
    @inlinable nonisolated(nonsending) public func serialize<Model: AvroModel>(_ value: Model, topic: String)
        async throws -> [UInt8]
    {
        let key = Key(topic: topic, type: ObjectIdentifier(Model.self))
        let target: Target
        if let cached = cachedTarget(key) {
            target = cached
        } else {
            target = try await resolve(key, schema: Model.avroSchema, generic: false)
        }
        var writer = AvroBinaryWriter()
        ConfluentWireFormat.writeHeader(schemaID: target.id, to: &writer)
        try value.avroEncode(to: &writer)
        guard let transcoder = target.transcoder else { return writer.bytes }
        return try Self.reframe(writer.bytes, id: target.id, transcoder)
    }

    /// Generic `value` of `schema` in Confluent's wire format for `topic`. Targets are cached by the schema's
    /// parsed definition (a named root) or JSON text (other roots): keep and reuse one `Schema` value.
    nonisolated(nonsending) public func serialize(_ value: AvroValue, schema: Schema, topic: String) async throws
        -> [UInt8]
    {
        let key = Key(topic: topic, schema: schema.identity)
        let target: Target
        if let cached = cachedTarget(key) {
            target = cached
        } else {
            target = try await resolve(key, schema: schema, generic: true)
        }
        var writer = AvroBinaryWriter()
        ConfluentWireFormat.writeHeader(schemaID: target.id, to: &writer)
        try (target.codec ?? AvroGenericCodec(schema: schema)).encode(value, to: &writer)
        guard let transcoder = target.transcoder else { return writer.bytes }
        return try Self.reframe(writer.bytes, id: target.id, transcoder)
    }

    /// A framed message of the object's schema rewritten in the registered schema's encoding.
    @usableFromInline static func reframe(_ message: [UInt8], id: Int32, _ transcoder: AvroTranscoder) throws
        -> [UInt8]
    {
        var framed = AvroBinaryWriter(capacity: message.count + 16)
        ConfluentWireFormat.writeHeader(schemaID: id, to: &framed)
        try transcoder.transcode(message.dropFirst(ConfluentWireFormat.headerSize), to: &framed)
        return framed.bytes
    }

    @usableFromInline func cachedTarget(_ key: Key) -> Target? {
        let cached = targets.withLock { targets -> Target? in
            if let last = targets.last, last.key == key { return last.target }
            guard let target = targets.all[key] else { return nil }
            targets.last = (key, target)
            return target
        }
        guard let cached else { return nil }
        if let expires = cached.expires, expires <= .now { return nil }
        return cached
    }

    /// The target for `key`, resolved by one task however many callers ask at once.
    @usableFromInline nonisolated(nonsending) func resolve(_ key: Key, schema: Schema, generic: Bool) async throws
        -> Target
    {
        let task = resolving.withLock { running in
            if let task = running[key] { return task }
            let task = Task { try await self.resolveUncached(key, schema: schema, generic: generic) }
            running[key] = task
            return task
        }
        defer { _ = resolving.withLock { $0.removeValue(forKey: key) } }
        return try await task.value
    }

    /// Finds the id for `schema` as configured, and how to write data of `schema` in the id's schema.
    private func resolveUncached(_ key: Key, schema: Schema, generic: Bool) async throws -> Target {
        let subject = try configuration.subjectNameStrategy.subject(
            topic: key.topic, isKey: configuration.isKey, schema: schema)
        let text = schema.jsonText
        let id: Int
        var transcoder: AvroTranscoder?
        var expires: ContinuousClock.Instant?
        if let given = configuration.useSchemaID {
            id = given
            transcoder = try await self.transcoder(from: schema, toSchemaID: id)
        } else if configuration.useLatestVersion {
            let latest = try await client.latestVersion(of: subject)
            let registered = try await client.parsedSchema(id: latest.id)
            let reasons = SchemaCompatibility.incompatibilities(reader: registered, writer: schema)
            guard reasons.isEmpty else {
                throw RegistrySerdeError.latestCannotRead(
                    subject: subject, version: latest.version, reasons: reasons.map(\.description))
            }
            id = latest.id
            transcoder = try await self.transcoder(from: schema, toSchemaID: latest.id)
            expires = .now + client.configuration.latestTTL
        } else if configuration.autoRegister {
            id = try await client.register(text, under: subject, normalize: configuration.normalize)
        } else {
            id = try await client.lookup(text, in: subject, normalize: configuration.normalize).id
        }
        let target = Target(
            id: try Self.wireID(id), transcoder: transcoder, codec: generic ? AvroGenericCodec(schema: schema) : nil,
            expires: expires)
        targets.withLock {
            $0.all[key] = target
            $0.last = (key, target)
        }
        return target
    }

    /// A transcoder from `schema` to the registry's schema `id`, or `nil` when they are the same schema.
    private func transcoder(from schema: Schema, toSchemaID id: Int) async throws -> AvroTranscoder? {
        let registered = try await client.parsedSchema(id: id)
        guard registered.canonicalForm != schema.canonicalForm else { return nil }
        do {
            return try AvroTranscoder(writer: schema, reader: registered)
        } catch {
            throw RegistrySerdeError.unresolvable(schemaID: id, message: error.message)
        }
    }

    private static func wireID(_ id: Int) throws -> Int32 {
        guard let wire = Int32(exactly: id) else {
            throw RegistryError(status: 422, code: 42205, message: "schema id \(id) does not fit the wire format")
        }
        return wire
    }
}
