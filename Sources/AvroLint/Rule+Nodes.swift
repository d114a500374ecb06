import Avro

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
