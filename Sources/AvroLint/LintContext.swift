import Avro

/// What a rule sees: the file, its role and topic, and the value schema paired with a key (if any).
public struct LintContext: Sendable {
    /// The file's root schema.
    public var schema: Schema
    /// The file's name.
    public var file: String
    /// Key, value or unknown.
    public var role: SchemaRole
    /// The topic, when the role is known.
    public var topic: String?
    /// For a key schema, the value schema of the same topic, if it is in the set.
    public var pairedValue: Schema?
    /// The names of the id and timestamp fields values must carry.
    public var idField = "id"
    public var timestampField = "timestamp"
    /// Keys with fewer possible values than this are reported (the larger of the option and the topic's
    /// partition count).
    public var minimumKeyCardinality = 100
    /// The topic's configured settings, if any.
    public var topicSettings: LintConfiguration.Topic?
    /// The other topics of the topic's co-partitioning group, with their key schemas when in the set.
    public var copartitioned: [(topic: String, key: Schema?, partitions: Int?)] = []
    /// Whether the topic's key schema is in the set.
    public var topicHasKey = false
}
