import Avro

/// Runs lint rules over a set of schema files.
public struct Linter: Sendable {
    /// Every built-in rule.
    public static let builtInRules: [any LintRule] =
        KeyShapeRules.all + [KeyLowCardinality.rule, KeyValueConsistent.rule] + ValueRules.all
        + UnionAndDefaultRules.all + TypeRules.all + NamingRules.all + [DocRules.docPresent] + TopicRules.all

    /// The id of the finding for a file whose role cannot be told.
    public static let unknownRoleID = "ROLE_UNKNOWN"
    /// The id of the finding for a file that is not a valid schema.
    public static let invalidSchemaID = "SCHEMA_INVALID"

    /// The rules to run.
    public var rules: [any LintRule]
    /// Which rules run, their severities, ignores, options and topics.
    public var configuration: LintConfiguration

    /// A linter with `rules` (all built-in rules by default) and a configuration.
    public init(rules: [any LintRule] = Linter.builtInRules, configuration: LintConfiguration = LintConfiguration()) {
        self.rules = rules
        self.configuration = configuration
    }

    /// The custom property that suppresses rules on a named type or field (never honoured in key schemas).
    public static let suppressionProperty = "lint.ignore"

    /// The role and topic a file name gives: `<topic>-key.avsc` or `<topic>-value.avsc`.
    public static func role(ofFile name: String) -> (role: SchemaRole, topic: String?) {
        guard let name = TopicSchemaName(file: name) else { return (.unknown, nil) }
        return (name.isKey ? .key : .value, name.topic)
    }

    /// Lints the files as one schema set; a file that does not parse is one error finding, and the others are
    /// still linted.
    public func lint(sources: [(name: String, bytes: [UInt8])]) -> [Finding] {
        let (set, errors) = SchemaSet.parsePartially(sources: sources)
        let invalid = errors.map {
            Finding(ruleID: Self.invalidSchemaID, severity: .error, message: $0.message, location: $0.location)
        }
        return (invalid + lint(set)).sorted {
            ($0.location.file, $0.location.position) < ($1.location.file, $1.location.position)
        }
    }

    /// Lints every file of `set`.
    public func lint(_ set: SchemaSet) -> [Finding] {
        var findings: [Finding] = []
        for file in set.files {
            let (role, topic) = configuration.role(ofFile: file.name)
            if role == .unknown {
                findings.append(
                    Finding(
                        ruleID: Self.unknownRoleID, severity: .info,
                        message: "not named <topic>-key.avsc or <topic>-value.avsc: key and value rules skipped",
                        location: SourceLocation(
                            file: file.name, position: SourcePosition(line: 1, column: 1), path: .root)))
            }
            let paired = topic.flatMap { topic in
                set.files.first { configuration.role(ofFile: $0.name) == (.value, topic) }?.root
            }
            var context = LintContext(schema: file.root, file: file.name, role: role, topic: topic, pairedValue: paired)
            context.idField = configuration.idField
            context.timestampField = configuration.timestampField
            context.minimumKeyCardinality = configuration.minimumKeyCardinality
            if let topic, let settings = configuration.topics.first(where: { $0.name == topic }) {
                context.topicSettings = settings
                context.minimumKeyCardinality = max(context.minimumKeyCardinality, settings.partitions ?? 0)
                context.topicHasKey = set.files.contains { configuration.role(ofFile: $0.name) == (.key, topic) }
                if let group = settings.copartitionGroup {
                    context.copartitioned = configuration.topics.filter {
                        $0.copartitionGroup == group && $0.name != topic
                    }
                    .map { other in
                        let key = set.files.first { configuration.role(ofFile: $0.name) == (.key, other.name) }?.root
                        return (other.name, key, other.partitions)
                    }
                }
            }
            let suppressed = role == .key ? [] : Self.suppressions(in: file.root)
            for rule in rules where configuration.isEnabled(rule) {
                switch rule.category {
                case .key where role != .key, .value where role != .value, .topic where context.topicSettings == nil:
                    continue
                default: break
                }
                if configuration.isIgnored(rule.id, in: file.name) { continue }
                for problem in rule.check(context)
                where !suppressed.contains(where: {
                    $0.rules.contains(rule.id) && problem.location.path.starts(with: $0.path)
                }) {
                    findings.append(
                        Finding(
                            ruleID: rule.id, severity: configuration.severity(of: rule), message: problem.message,
                            location: problem.location))
                }
            }
        }
        return findings.sorted { ($0.location.file, $0.location.position) < ($1.location.file, $1.location.position) }
    }

    /// The places where a `lint.ignore` property suppresses rules: the named type or field that carries it and
    /// everything inside.
    static func suppressions(in schema: Schema) -> [(path: JSONPath, rules: Set<String>)] {
        func rules(_ properties: JSONObject) -> Set<String>? {
            guard let value = properties[suppressionProperty] else { return nil }
            return Set(value.arrayValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] } ?? [])
        }
        var found: [(path: JSONPath, rules: Set<String>)] = []
        SchemaWalker.walk(
            schema,
            node: { node in
                if let named = node.namedType, node.location == named.location, let ids = rules(named.properties) {
                    found.append((named.location.path, ids))
                }
            },
            field: { field, _ in
                if let ids = rules(field.properties) { found.append((field.location.path, ids)) }
            })
        return found
    }
}
