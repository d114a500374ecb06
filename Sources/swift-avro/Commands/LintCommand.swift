import ArgumentParser
import Avro
import AvroLint
import AvroRegistry
import AvroTooling
import Foundation

/// `swift-avro lint [--format text|json|github] [--fail-severity error|warning|info] INPUTS...`, or
/// `swift-avro lint --registry URL [--subject-prefix P]`
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check key and value schemas against the rules for Kafka topics.",
        discussion: """
            A file's role comes from its name: <topic>-key.avsc or <topic>-value.avsc (otherwise key and value \
            rules are skipped, with one info finding). The inputs form one schema set; an invalid schema is an \
            error finding. With --registry URL, the latest version of every subject (with --subject-prefix, of \
            those starting with it) is linted instead, shown as SUBJECT (version N), its role from the subject \
            name: <topic>-key or <topic>-value (other subjects: schema rules only). Exit 0 when no finding \
            reaches --fail-severity, 1 when one does or the registry refuses or cannot be reached, 2 for usage \
            errors.
            """
    )

    enum Format: String, ExpressibleByArgument { case text, json, sarif, github }

    @Option(help: "text, json, sarif (SARIF 2.1.0 for code scanning) or github (workflow annotations).")
    var format: Format = .text

    @Option(help: "A JSON configuration file (default: .swift-avro-lint.json in the working directory, if present).")
    var config: String?

    @Option(name: .customLong("fail-severity"), help: "error, warning or info: the lowest severity that fails.")
    var failSeverity: Severity = .error

    @Option(
        name: .customLong("id-field"), help: "The field every value must carry as its identity (overrides the config).")
    var idField: String?

    @Option(
        name: .customLong("timestamp-field"),
        help: "The field every value must carry as its time (overrides the config).")
    var timestampField: String?

    @Flag(name: .customLong("list-rules"), help: "Print every rule with its id, severity, category and rationale.")
    var listRules = false

    @Option(name: .customLong("subject-prefix"), help: "With --registry: lint only the subjects starting with this.")
    var subjectPrefix: String?

    @OptionGroup(title: "Schema registry (lint what is registered)")
    var registry: RegistryDataOptions

    @Argument(help: "Schema files, or directories of .avsc files.")
    var inputs: [String] = []

    func validate() throws {
        if listRules { return }
        if registry.isGiven {
            if !inputs.isEmpty { throw ValidationError("lint files or --registry, not both") }
        } else {
            if subjectPrefix != nil { throw ValidationError("--subject-prefix goes with --registry") }
            if inputs.isEmpty { throw ValidationError("give schema files or directories to lint") }
        }
    }

    func run() async throws {
        if listRules {
            for rule in Linter.builtInRules {
                print("\(rule.id)\t\(rule.defaultSeverity.rawValue)\t\(rule.category.rawValue)\t\(rule.rationale)")
            }
            return
        }
        var configuration = try loadConfiguration()
        if let idField { configuration.idField = idField }
        if let timestampField { configuration.timestampField = timestampField }
        let linter = Linter(configuration: configuration)
        let findings =
            registry.isGiven
            ? try await RegistryLint(linter: linter, prefix: subjectPrefix).findings(registry)
            : linter.lint(sources: try SchemaInputs.read(inputs))
        switch format {
        case .text: print(FindingPrinter.text(findings), terminator: "")
        case .json: print(FindingPrinter.json(findings), terminator: "")
        case .sarif:
            // SARIF paths are relative to the directory code scanning runs in (subjects are not paths).
            let base = FileManager.default.currentDirectoryPath + "/"
            let relative = findings.map { finding in
                if registry.isGiven { return finding }
                var finding = finding
                let path = URL(fileURLWithPath: finding.location.file).standardized.path
                if path.hasPrefix(base) { finding.location.file = String(path.dropFirst(base.count)) }
                return finding
            }
            print(
                FindingPrinter.sarif(relative, rules: linter.rules, version: SwiftAvroVersion.current), terminator: "")
        case .github: print(FindingPrinter.github(findings), terminator: "")
        }
        if findings.contains(where: { $0.severity >= failSeverity }) { throw ExitCode(1) }
    }
}

extension LintCommand {
    /// The configuration from --config, or the default file when it exists; a bad file exits 2.
    func loadConfiguration() throws -> LintConfiguration {
        let path =
            config ?? (FileManager.default.fileExists(atPath: ".swift-avro-lint.json") ? ".swift-avro-lint.json" : nil)
        guard let path else { return LintConfiguration() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the configuration \(path)")
        }
        do {
            return try LintConfiguration(json: Array(data), file: path)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }
}

extension Severity: ExpressibleByArgument {}
