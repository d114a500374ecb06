import Avro

/// A rule defined by its metadata and a check function; every built-in rule is one of these.
public struct Rule: LintRule {
    public let id: String
    public let defaultSeverity: Severity
    public let category: RuleCategory
    public let rationale: String
    public let triggeringExamples: [String]
    public let passingExamples: [String]
    public var enabledByDefault = true
    let checker: @Sendable (LintContext) -> [(message: String, location: SourceLocation)]

    public func check(_ context: LintContext) -> [(message: String, location: SourceLocation)] {
        checker(context)
    }
}

extension Rule {
    /// A rule that reports every node for which `problem` returns a message.
    static func nodes(
        _ id: String, _ severity: Severity, _ category: RuleCategory, rationale: String, triggering: [String],
        passing: [String], problem: @escaping @Sendable (Schema) -> String?
    ) -> Rule {
        Rule(
            id: id, defaultSeverity: severity, category: category, rationale: rationale, triggeringExamples: triggering,
            passingExamples: passing
        ) { context in
            var found: [(message: String, location: SourceLocation)] = []
            SchemaWalker.walk(
                context.schema,
                node: { node in
                    if let message = problem(node) { found.append((message, node.location)) }
                })
            return found
        }
    }
}
