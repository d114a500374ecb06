import Avro

/// How a serializer names the subject a topic's key or value schema is registered under, as Confluent's
/// `key.subject.name.strategy` / `value.subject.name.strategy`.
public struct SubjectNameStrategy: Sendable {
    /// The strategy's name, for messages.
    public let name: String
    private let body: @Sendable (_ topic: String, _ isKey: Bool, _ schema: Schema) throws -> String

    /// A strategy computed by `body` from the topic, whether the schema is a key's, and the schema.
    public init(
        name: String, _ body: @escaping @Sendable (_ topic: String, _ isKey: Bool, _ schema: Schema) throws -> String
    ) {
        self.name = name
        self.body = body
    }

    /// The subject for `schema` on `topic`.
    public func subject(topic: String, isKey: Bool, schema: Schema) throws -> String {
        try body(topic, isKey, schema)
    }

    /// `<topic>-key` / `<topic>-value` (Confluent's default): one schema lineage per topic and role.
    public static let topicName = SubjectNameStrategy(name: "TopicNameStrategy") { topic, isKey, _ in
        TopicSchemaName(topic: topic, isKey: isKey).subject
    }

    /// The root's full name: one lineage per record type, whatever the topic (several types per topic).
    public static let recordName = SubjectNameStrategy(name: "RecordNameStrategy") { _, _, schema in
        try fullName(of: schema, strategy: "RecordNameStrategy")
    }

    /// `<topic>-<full name>`: one lineage per record type and topic.
    public static let topicRecordName = SubjectNameStrategy(name: "TopicRecordNameStrategy") { topic, _, schema in
        topic + "-" + (try fullName(of: schema, strategy: "TopicRecordNameStrategy"))
    }

    private static func fullName(of schema: Schema, strategy: String) throws -> String {
        guard let name = schema.namedType?.name else {
            throw RegistrySerdeError.unnamedRoot(strategy: strategy, schema: schema.branchName)
        }
        return name.fullName
    }
}
