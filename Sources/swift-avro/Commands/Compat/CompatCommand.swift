import ArgumentParser
import Avro
import AvroTooling

/// `swift-avro compat [--level LEVEL] [--strict] [--format text|json] NEW --against OLD...`, or
/// `swift-avro compat --registry URL --subject S [--level LEVEL] NEW`
struct CompatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compat",
        abstract: "Check a new schema against earlier versions at a Confluent compatibility level.",
        discussion: """
            BACKWARD: the new schema reads data of the latest; FORWARD: the latest reads data of the new; FULL: \
            both; *_TRANSITIVE: against every earlier version, not only the latest. Semantics are Apache Avro \
            Java's (what Confluent Schema Registry runs). --strict also flags decimal precision/scale, logical \
            type and namespace changes, and any change to a key schema (a file named *-key.avsc). \
            --against-git REF compares each file with its version at REF (transitive levels: every version in \
            REF's history, following renames); a file absent at REF is reported as new; an unknown ref or a git \
            failure exits 2. --registry URL --subject S checks here, with the same reasons, against the \
            subject's live versions (the latest, or every one for a transitive level) at the subject's configured \
            level (or --level); a subject with no version is reported as new. Exit 0 when compatible, 1 when not \
            (every reason printed) or when the registry refuses or cannot be reached.
            """
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(
        help: """
            NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE (default: \
            BACKWARD; with --registry, the subject's level).
            """)
    var level: CompatibilityLevel?

    @Flag(help: "Also flag changes Java lets through but that break users.")
    var strict = false

    @Option(help: "text or json.")
    var format: Format = .text

    @Option(name: .customLong("import"), help: "Files that define named types the schemas use (repeatable).")
    var imports: [String] = []

    @Option(parsing: .upToNextOption, help: "Earlier versions, oldest first.")
    var against: [String] = []

    @Option(name: .customLong("against-git"), help: "Compare each new file with its own version at this git ref.")
    var againstGit: String?

    @Option(help: "With --registry: the subject whose versions the new schema is checked against.")
    var subject: String?

    @OptionGroup(title: "Schema registry (check against a subject's live versions)")
    var registry: RegistryDataOptions

    @Argument(help: "The new schema file(s).")
    var new: [String]

    func validate() throws {
        let modes = [!against.isEmpty, againstGit != nil, registry.isGiven].filter { $0 }.count
        if modes != 1 {
            throw ValidationError("give one of --against OLD..., --against-git REF or --registry URL --subject S")
        }
        if !against.isEmpty && new.count != 1 {
            throw ValidationError("--against compares exactly one new schema")
        }
        if registry.isGiven {
            if subject == nil { throw ValidationError("--registry needs --subject SUBJECT") }
            if new.count != 1 { throw ValidationError("--registry compares exactly one new schema") }
        } else if subject != nil {
            throw ValidationError("--subject goes with --registry")
        }
    }

    struct Report {
        var file: String
        var against: String
        var finding: CompatibilityLevel.Finding?
        var strictKey: String?
    }

    func run() async throws {
        var level = self.level ?? .backward
        var reports: [Report] = []
        var checked = 0
        var newFiles: [String] = []
        // The new files form one set with the imports when they parse as one (one may use a type another
        // defines); files that cannot (say, two versions of one record) are each parsed with the imports alone.
        let newSet = (try? SchemaSet(sources: SchemaInputs.read(imports + new))) != nil ? imports + new : imports
        if registry.isGiven, let subject, let file = new.first {
            let schema = try SchemaInputs.parseRoot(file, imports: newSet)
            let versions: [(name: String, schema: Schema)]
            (level, versions) = try await registryVersions(of: subject)
            if versions.isEmpty {
                newFiles.append(file)
            } else {
                checked += 1
                reports = check(
                    file, schema, against: versions, level: level,
                    isKey: TopicSchemaName(subject: subject)?.isKey == true
                        || TopicSchemaName(file: file)?.isKey == true)
            }
            try output(reports, checked: checked, newFiles: newFiles, level: level)
            return
        }
        let commit = try againstGit.map { try GitFiles.commit($0, near: new.first ?? ".") }
        for file in new {
            let schema = try SchemaInputs.parseRoot(file, imports: newSet)
            var versions: [(name: String, schema: Schema)] = []
            if let againstGit, let commit {
                versions = try gitVersions(of: file, ref: againstGit, commit: commit, level: level, context: newSet)
                if versions.isEmpty {
                    newFiles.append(file)  // no earlier version: nothing to break, and said so
                    continue
                }
            } else {
                versions = try against.map { ($0, try SchemaInputs.parseRoot($0, imports: imports)) }
            }
            checked += 1
            reports += check(
                file, schema, against: versions, level: level,
                isKey: TopicSchemaName(file: file)?.isKey == true)
        }
        try output(reports, checked: checked, newFiles: newFiles, level: level)
    }

    /// The findings of `schema` (from `file`) against earlier versions at `level`; with --strict, a changed key
    /// schema too.
    private func check(
        _ file: String, _ schema: Schema, against versions: [(name: String, schema: Schema)],
        level: CompatibilityLevel, isKey: Bool
    ) -> [Report] {
        var reports: [Report] = []
        for finding in level.check(schema, against: versions.map(\.schema), strict: strict) {
            reports.append(Report(file: file, against: versions[finding.version].name, finding: finding))
        }
        if strict && level != .none && isKey, let latest = versions.last, latest.schema.jsonText != schema.jsonText {
            reports.append(
                Report(
                    file: file, against: latest.name, finding: nil,
                    strictKey: StrictKind.keySchemaChanged.tagged(
                        "a key schema changed; keys would move to other partitions")
                ))
        }
        return reports
    }

}
