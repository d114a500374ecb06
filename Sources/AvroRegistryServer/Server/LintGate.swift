import Avro
import AvroLint
import AvroRegistry

/// `--lint`: the project's Kafka key/value rules at the gate. A registration under `<topic>-key` or
/// `<topic>-value` with an error-level finding is refused (42201, the findings with their rule ids), so a
/// nullable key or a value without `id` and `timestamp` cannot reach a topic even when CI was skipped.
struct LintGate: RegistrationGate {
    let linter: Linter
    let rejections: RegistryMetrics?

    func review(subject: String, schema: Schema, sources: [(name: String, bytes: [UInt8])]) -> RegistryError? {
        guard TopicSchemaName(subject: subject) != nil else { return nil }
        let file = TopicSchemaName.fileName(ofSubject: subject)
        let errors = linter.lint(sources: sources).filter { $0.location.file == file && $0.severity == .error }
        guard !errors.isEmpty else { return nil }
        rejections?.lintRejections.increment()
        let findings = errors.map { finding in
            "\(finding.location.position.line):\(finding.location.position.column): \(finding.message) "
                + "[\(finding.ruleID)]"
        }
        return .invalidSchema("refused by the lint rules for \(subject): " + findings.joined(separator: "; "))
    }
}
