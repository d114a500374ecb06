import ArgumentParser
import Avro
import AvroRegistry
import AvroTooling
import Foundation

extension CompatibilityLevel: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased().replacingOccurrences(of: "-", with: "_"))
    }
}

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
            var versions: [(name: String, schema: Schema)] = []
            try await registry.withClient { client in
                let live = try await Self.liveVersions(of: subject, client: client)
                if let given = self.level {
                    level = given
                } else {
                    level = try await client.compatibility(subject: subject, defaultToGlobal: true)
                }
                // Only a transitive level looks past the latest version: fetch no more than it checks.
                for number in level.isTransitive ? live : live.suffix(1) {
                    let version = try await client.version(.number(number), of: subject)
                    versions.append(
                        ("\(subject) (version \(number))", try await client.parsedSchema(id: version.id)))
                }
            }
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
                // Transitive levels check every earlier version in the ref's history, others the ref's version.
                let found =
                    level.isTransitive
                    ? try GitFiles.history(of: file, at: commit)
                    : try GitFiles.show(file, at: commit).map { [$0] } ?? []
                if found.isEmpty {
                    newFiles.append(file)  // no earlier version: nothing to break, and said so
                    continue
                }
                // An earlier version is parsed with the other files as they were at the ref (as they are now
                // when the ref lacks them), not beside the file's own new version.
                let target = URL(fileURLWithPath: file).standardized.path
                let context = try SchemaInputs.read(newSet).filter {
                    URL(fileURLWithPath: $0.name).standardized.path != target
                }.map { source in
                    let earlier = (try? GitFiles.show(source.name, at: commit)) ?? nil
                    return (name: source.name, bytes: earlier.map { Array($0.text.utf8) } ?? source.bytes)
                }
                versions = try found.map { version in
                    let name =
                        "\(againstGit):\(version.path)" + (found.count > 1 ? "@\(version.commit.prefix(12))" : "")
                    return (name, try SchemaInputs.parseText(version.text, name: name, context: context))
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

    /// The live versions of `subject`, oldest first; none for a subject the registry does not have.
    private static func liveVersions(of subject: String, client: SchemaRegistryClient) async throws -> [Int] {
        do {
            return try await client.versions(of: subject).sorted()
        } catch let error as RegistryError where error.code == 40401 {
            return []
        }
    }

    /// Prints the reports as --format says; exit 1 when there is one.
    private func output(_ reports: [Report], checked: Int, newFiles: [String], level: CompatibilityLevel) throws {
        switch format {
        case .text: printText(reports, checked: checked, newFiles: newFiles, level: level)
        case .json: printJSON(reports, newFiles: newFiles, level: level)
        }
        if !reports.isEmpty { throw ExitCode(1) }
    }

    private func printText(_ reports: [Report], checked: Int, newFiles: [String], level: CompatibilityLevel) {
        for file in newFiles {
            if let subject {
                print("\(file): new, subject \(subject) has no version in the registry")
            } else {
                print("\(file): new, no earlier version at \(againstGit ?? "the ref")")
            }
        }
        for report in reports {
            if let message = report.strictKey {
                print("\(report.file):1:1: \(message) [against \(report.against)]")
                continue
            }
            guard let finding = report.finding else { continue }
            let item = finding.incompatibility
            let (ours, theirs) =
                finding.newIsReader
                ? (item.readerLocation, item.writerLocation) : (item.writerLocation, item.readerLocation)
            let direction = finding.newIsReader ? "new reads old data" : "old reads new data"
            print(
                "\(report.file):\(ours.position.line):\(ours.position.column): \(item.kind.rawValue): \(item.message) "
                    + "[\(direction); against \(report.against):\(theirs.position.line):\(theirs.position.column) at \(theirs.path)]"
            )
        }
        if reports.isEmpty {
            let fresh = newFiles.isEmpty ? "" : ", \(newFiles.count) new"
            print("compatible (\(level.rawValue), \(checked) schema(s) checked\(fresh))")
        }
    }

    private func printJSON(_ reports: [Report], newFiles: [String], level: CompatibilityLevel) {
        func location(_ file: String, _ location: SourceLocation) -> JSONValue {
            JSONValue(
                .object(
                    JSONObject(members: [
                        .init(key: "file", value: JSONValue(.string(file))),
                        .init(key: "line", value: JSONValue(.number(JSONNumber(Int64(location.position.line))))),
                        .init(key: "column", value: JSONValue(.number(JSONNumber(Int64(location.position.column))))),
                        .init(key: "path", value: JSONValue(.string(location.path.description))),
                    ])))
        }
        let items = reports.map { report -> JSONValue in
            var members: [JSONObject.Member] = []
            if let message = report.strictKey {
                members = [
                    .init(key: "kind", value: JSONValue(.string(StrictKind.keySchemaChanged.rawValue))),
                    .init(key: "message", value: JSONValue(.string(message))),
                    .init(key: "new", value: JSONValue(.string(report.file))),
                    .init(key: "against", value: JSONValue(.string(report.against))),
                ]
            } else if let finding = report.finding {
                let item = finding.incompatibility
                let (newFile, oldFile) = (report.file, report.against)
                members = [
                    .init(key: "kind", value: JSONValue(.string(item.kind.rawValue))),
                    .init(key: "message", value: JSONValue(.string(item.message))),
                    .init(key: "direction", value: JSONValue(.string(finding.newIsReader ? "backward" : "forward"))),
                    .init(key: "reader", value: location(finding.newIsReader ? newFile : oldFile, item.readerLocation)),
                    .init(key: "writer", value: location(finding.newIsReader ? oldFile : newFile, item.writerLocation)),
                ]
            }
            return JSONValue(.object(JSONObject(members: members)))
        }
        let document = JSONValue(
            .object(
                JSONObject(
                    members: [
                        .init(key: "compatible", value: JSONValue(.bool(reports.isEmpty))),
                        .init(key: "level", value: JSONValue(.string(level.rawValue))),
                        .init(key: "incompatibilities", value: JSONValue(.array(items))),
                    ]
                        + (againstGit == nil && subject == nil
                            ? []
                            : [.init(key: "new", value: JSONValue(.array(newFiles.map { JSONValue(.string($0)) })))])
                )))
        print(JSONWriter.string(document))
    }
}

extension CompatibilityLevel {
    /// Whether the level checks every earlier version rather than the latest.
    var isTransitive: Bool {
        switch self {
        case .backwardTransitive, .forwardTransitive, .fullTransitive: return true
        default: return false
        }
    }
}
