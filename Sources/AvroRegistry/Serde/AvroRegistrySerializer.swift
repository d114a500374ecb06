import Avro
import Synchronization

/// Writes generated models and generic values in Confluent's wire format (byte 0, the schema's 4-byte big-endian
/// id, the Avro datum), finding the id through a ``SchemaRegistryClient`` as Confluent's `KafkaAvroSerializer`
/// does: register the object's schema (the default), look it up, use a given id, or use the subject's latest
/// version.
///
/// Safe to share between tasks. The id for a (topic, model type) is resolved once and kept, so a serialize that
/// hits the cache does no I/O and no schema work: it writes the 5-byte header and the model's own encoding into
/// one buffer.
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

    private struct Key: Hashable, Sendable {
        var topic: String
        var type: ObjectIdentifier?
        /// The schema's JSON text for generic values (models are keyed by type).
        var schemaText: String?
    }

    /// The framing of one (topic, schema): the id, and a transcoder when the registered schema is not the object's.
    private struct Target: Sendable {
        var id: Int32
        var transcoder: AvroTranscoder?
        var codec: AvroGenericCodec?
        var expires: ContinuousClock.Instant?
    }

    private let targets = Mutex<[Key: Target]>([:])
    /// Resolutions under way, so concurrent first uses of one (topic, schema) make one set of requests.
    private let resolving = Mutex<[Key: Task<Target, any Error>]>([:])

    /// A serializer that resolves ids through `client`.
    public init(client: SchemaRegistryClient, configuration: Configuration = Configuration()) {
        self.client = client
        self.configuration = configuration
    }

    /// `value` in Confluent's wire format for `topic`.
    public func serialize<Model: AvroModel>(_ value: Model, topic: String) async throws -> [UInt8] {
        let key = Key(topic: topic, type: ObjectIdentifier(Model.self))
        let target: Target
        if let cached = cachedTarget(key) {
            target = cached
        } else {
            target = try await resolve(key, schema: Model.avroSchema, generic: false)
        }
        var writer = AvroBinaryWriter(capacity: 128)
        Self.writeHeader(target.id, to: &writer)
        try value.avroEncode(to: &writer)
        guard let transcoder = target.transcoder else { return writer.bytes }
        var framed = AvroBinaryWriter(capacity: writer.bytes.count + 16)
        Self.writeHeader(target.id, to: &framed)
        try transcoder.transcode(writer.bytes.dropFirst(ConfluentWireFormat.headerSize), to: &framed)
        return framed.bytes
    }

    /// Generic `value` of `schema` in Confluent's wire format for `topic`. Targets are cached by the schema's
    /// JSON text, which is computed per call: for hot loops, prefer generated models.
    public func serialize(_ value: AvroValue, schema: Schema, topic: String) async throws -> [UInt8] {
        let key = Key(topic: topic, schemaText: schema.jsonText)
        let target: Target
        if let cached = cachedTarget(key) {
            target = cached
        } else {
            target = try await resolve(key, schema: schema, generic: true)
        }
        var writer = AvroBinaryWriter(capacity: 128)
        Self.writeHeader(target.id, to: &writer)
        try (target.codec ?? AvroGenericCodec(schema: schema)).encode(value, to: &writer)
        guard let transcoder = target.transcoder else { return writer.bytes }
        var framed = AvroBinaryWriter(capacity: writer.bytes.count + 16)
        Self.writeHeader(target.id, to: &framed)
        try transcoder.transcode(writer.bytes.dropFirst(ConfluentWireFormat.headerSize), to: &framed)
        return framed.bytes
    }

    @inline(__always)
    private static func writeHeader(_ id: Int32, to writer: inout AvroBinaryWriter) {
        let bits = UInt32(bitPattern: id)
        writer.writeByte(ConfluentWireFormat.magic)
        writer.writeByte(UInt8(truncatingIfNeeded: bits >> 24))
        writer.writeByte(UInt8(truncatingIfNeeded: bits >> 16))
        writer.writeByte(UInt8(truncatingIfNeeded: bits >> 8))
        writer.writeByte(UInt8(truncatingIfNeeded: bits))
    }

    private func cachedTarget(_ key: Key) -> Target? {
        guard let target = targets.withLock({ $0[key] }) else { return nil }
        if let expires = target.expires, expires <= .now { return nil }
        return target
    }

    /// The target for `key`, resolved by one task however many callers ask at once.
    private func resolve(_ key: Key, schema: Schema, generic: Bool) async throws -> Target {
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
        var target = Target(id: 0, codec: generic ? AvroGenericCodec(schema: schema) : nil)
        if let id = configuration.useSchemaID {
            target.id = try Self.wireID(id)
            target.transcoder = try await transcoder(from: schema, toSchemaID: id)
        } else if configuration.useLatestVersion {
            let latest = try await client.latestVersion(of: subject)
            let registered = try await client.parsedSchema(id: latest.id)
            let reasons = SchemaCompatibility.incompatibilities(reader: registered, writer: schema)
            guard reasons.isEmpty else {
                throw RegistrySerdeError.latestCannotRead(
                    subject: subject, version: latest.version, reasons: reasons.map(\.description))
            }
            target.id = try Self.wireID(latest.id)
            target.transcoder = try await transcoder(from: schema, toSchemaID: latest.id)
            target.expires = .now + client.configuration.latestTTL
        } else if configuration.autoRegister {
            target.id = try Self.wireID(
                try await client.register(text, under: subject, normalize: configuration.normalize))
        } else {
            target.id = try Self.wireID(
                try await client.lookup(text, in: subject, normalize: configuration.normalize).id)
        }
        let resolved = target
        targets.withLock { $0[key] = resolved }
        return resolved
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
