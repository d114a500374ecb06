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
