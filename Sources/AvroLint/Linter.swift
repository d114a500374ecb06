import Avro

/// Runs lint rules over a set of schema files.
public struct Linter: Sendable {
    /// Every built-in rule.
    public static let builtInRules: [any LintRule] =
        KeyShapeRules.all + [KeyLowCardinality.rule, KeyValueConsistent.rule] + ValueRules.all
        + UnionAndDefaultRules.all + TypeRules.all + NamingRules.all

    /// The id of the finding for a file whose role cannot be told.
    public static let unknownRoleID = "ROLE_UNKNOWN"
    /// The id of the finding for a file that is not a valid schema.
    public static let invalidSchemaID = "SCHEMA_INVALID"

    /// The rules to run.
    public var rules: [any LintRule]
    /// The name of the field every value must carry as its identity.
    public var idField = "id"
    /// The name of the field every value must carry as its time.
    public var timestampField = "timestamp"

    /// A linter with `rules` (all built-in rules by default).
    public init(rules: [any LintRule] = Linter.builtInRules) {
        self.rules = rules
    }

    /// The role and topic a file name gives: `<topic>-key.avsc` or `<topic>-value.avsc`.
    public static func role(ofFile name: String) -> (role: SchemaRole, topic: String?) {
        let base = String(name.split(separator: "/").last ?? "")
        for (suffix, role) in [("-key.avsc", SchemaRole.key), ("-value.avsc", .value)] where base.hasSuffix(suffix) {
            return (role, String(base.dropLast(suffix.count)))
        }
        return (.unknown, nil)
    }

    /// Lints the files as one schema set; a file that does not parse is one error finding.
    public func lint(sources: [(name: String, bytes: [UInt8])]) -> [Finding] {
        do {
            return lint(try SchemaSet(sources: sources))
        } catch {
            return error.errors.map {
                Finding(ruleID: Self.invalidSchemaID, severity: .error, message: $0.message, location: $0.location)
            }
        }
    }

    /// Lints every file of `set`.
    public func lint(_ set: SchemaSet) -> [Finding] {
        var findings: [Finding] = []
        for file in set.files {
            let (role, topic) = Self.role(ofFile: file.name)
            if role == .unknown {
                findings.append(
                    Finding(
                        ruleID: Self.unknownRoleID, severity: .info,
                        message: "not named <topic>-key.avsc or <topic>-value.avsc: key and value rules skipped",
                        location: SourceLocation(
                            file: file.name, position: SourcePosition(line: 1, column: 1), path: .root)))
            }
            let paired = topic.flatMap { topic in
                set.files.first { Self.role(ofFile: $0.name) == (.value, topic) }?.root
            }
            var context = LintContext(schema: file.root, file: file.name, role: role, topic: topic, pairedValue: paired)
            context.idField = idField
            context.timestampField = timestampField
            for rule in rules {
                switch rule.category {
                case .key where role != .key, .value where role != .value: continue
                default: break
                }
                for problem in rule.check(context) {
                    findings.append(
                        Finding(
                            ruleID: rule.id, severity: rule.defaultSeverity, message: problem.message,
                            location: problem.location))
                }
            }
        }
        return findings.sorted { ($0.location.file, $0.location.position) < ($1.location.file, $1.location.position) }
    }
}
