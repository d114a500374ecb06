import Avro
import AvroTestSupport
import Testing

@testable import AvroLint

/// Every rule's examples are its documentation and its tests: triggering examples are reported by the rule,
/// passing ones are not.
@Suite struct RuleExampleTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var ruleID: String
        var schema: String
        var triggers: Bool
        var fileName: String
        var testDescription: String { "\(ruleID) \(triggers ? "reports" : "accepts") \(schema)" }
    }

    static let examples: [Example] = Linter.builtInRules.flatMap { rule -> [Example] in
        let file =
            switch rule.category {
            case .key: "topic-key.avsc"
            case .value: "topic-value.avsc"
            case .schema, .topic: "example.avsc"
            }
        return rule.triggeringExamples.map { Example(ruleID: rule.id, schema: $0, triggers: true, fileName: file) }
            + rule.passingExamples.map { Example(ruleID: rule.id, schema: $0, triggers: false, fileName: file) }
    }

    @Test func everyRuleHasExamples() {
        for rule in Linter.builtInRules where rule.id != KeyValueConsistent.rule.id && rule.category != .topic {
            #expect(!rule.triggeringExamples.isEmpty && !rule.passingExamples.isEmpty, "\(rule.id)")
        }
        #expect(Set(Linter.builtInRules.map(\.id)).count == Linter.builtInRules.count)
    }

    @Test(arguments: examples)
    func examplesBehaveAsDocumented(example: Example) {
        var configuration = LintConfiguration()
        configuration.use = [example.ruleID]  // also enables opt-in rules
        let findings = Linter(configuration: configuration).lint(sources: [
            (example.fileName, Array(example.schema.utf8))
        ])
        let reported = findings.contains { $0.ruleID == example.ruleID }
        #expect(reported == example.triggers, "\(findings)")
    }

    @Test func keyFieldsMustBeRequiredInThePairedValue() {
        let key =
            #"{"type": "record", "name": "K", "namespace": "t", "fields": [{"name": "id", "type": "string"}, {"name": "region", "type": "string"}]}"#
        let value =
            #"{"type": "record", "name": "V", "namespace": "t", "fields": [{"name": "id", "type": "string"}, {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}, {"name": "region", "type": ["null", "string"], "default": null}]}"#
        let findings = Linter().lint(sources: [
            ("orders-key.avsc", Array(key.utf8)), ("orders-value.avsc", Array(value.utf8)),
        ])
        let consistency = findings.filter { $0.ruleID == "KEY_VALUE_CONSISTENT" }
        #expect(consistency.count == 1)
        #expect(consistency.first?.message.contains("region") == true)
        #expect(consistency.first?.location.file == "orders-key.avsc")
    }

    @Test func rolesComeFromFileNames() {
        #expect(Linter.role(ofFile: "dir/orders-key.avsc") == (.key, "orders"))
        #expect(Linter.role(ofFile: "orders-value.avsc") == (.value, "orders"))
        #expect(Linter.role(ofFile: "orders.avsc") == (.unknown, nil))
        let findings = Linter().lint(sources: [("orders.avsc", Array(#""string""#.utf8))])
        #expect(findings.contains { $0.ruleID == Linter.unknownRoleID && $0.severity == .info })
        #expect(!findings.contains { $0.ruleID == "VALUE_IS_RECORD" })
    }

    @Test func findingsPointAtTheProblem() throws {
        let text = """
            {"type": "record", "name": "K", "namespace": "t", "fields": [
              {"name": "id", "type": ["null", "string"]}]}
            """
        let finding = try #require(
            Linter().lint(sources: [("a-key.avsc", Array(text.utf8))]).first { $0.ruleID == "KEY_NO_OPTIONAL_FIELDS" })
        #expect(
            finding.description
                == "a-key.avsc:2:26: error: key schemas must not have optional (nullable) parts [KEY_NO_OPTIONAL_FIELDS]"
        )
        #expect(finding.location.path.jsonPointer == "/fields/0/type")
    }

    @Test func theExampleSchemasHaveNoWarnings() throws {
        let directory = TestFiles.repositoryRoot.appendingPathComponent("schemas")
        let names = [
            "customers-key", "customers-value", "orders-key", "orders-value", "payments-key", "payments-value",
        ]
        let sources = try names.map {
            ("\($0).avsc", try TestFiles.bytes(directory.appendingPathComponent("\($0).avsc")))
        }
        let serious = Linter().lint(sources: sources).filter { $0.severity >= .warning }
        #expect(serious.isEmpty, "\(serious)")
    }

    @Test func theWholeCorpusLintsWithoutACrash() throws {
        var total = 0
        for entry in CorpusEntry.all {
            total += Linter().lint(sources: try entry.sources()).count
        }
        #expect(total > 0)
    }
}
