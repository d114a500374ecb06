import Avro

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
