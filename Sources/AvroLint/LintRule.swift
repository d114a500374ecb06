import Avro

/// What a schema file is for on its topic.
public enum SchemaRole: String, Sendable {
    case key, value, unknown
}

/// The families of rules.
public enum RuleCategory: String, Sendable {
    case key, value, schema, topic
}

/// One lint rule: a stable id, a default severity, a category, why it exists, and examples that both document
/// it and test it.
public protocol LintRule: Sendable {
    /// The stable UPPER_SNAKE id.
    var id: String { get }
    /// The severity when the configuration does not change it.
    var defaultSeverity: Severity { get }
    /// The family.
    var category: RuleCategory { get }
    /// Why the rule exists.
    var rationale: String { get }
    /// Schemas (as JSON) the rule reports.
    var triggeringExamples: [String] { get }
    /// Schemas (as JSON) the rule accepts.
    var passingExamples: [String] { get }
    /// Whether the rule runs without being asked for in the configuration.
    var enabledByDefault: Bool { get }
    /// The problems in one schema file; each finding is (message, location).
    func check(_ context: LintContext) -> [(message: String, location: SourceLocation)]
}

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
