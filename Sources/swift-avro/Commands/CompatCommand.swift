import ArgumentParser
import Avro
import AvroTooling
import Foundation

extension CompatibilityLevel: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased().replacingOccurrences(of: "-", with: "_"))
    }
}

/// `swift-avro compat [--level LEVEL] [--strict] [--format text|json] NEW --against OLD...`
struct CompatCommand: ParsableCommand {
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
            failure exits 2. Exit 0 when compatible, 1 when not (every reason printed).
            """
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.")
    var level: CompatibilityLevel = .backward

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

    @Argument(help: "The new schema file(s).")
    var new: [String]

    func validate() throws {
        if (against.isEmpty) == (againstGit == nil) {
            throw ValidationError("give either --against OLD... or --against-git REF")
        }
        if !against.isEmpty && new.count != 1 {
            throw ValidationError("--against compares exactly one new schema")
        }
    }

    struct Report {
        var file: String
        var against: String
        var finding: CompatibilityLevel.Finding?
        var strictKey: String?
    }

    func run() throws {
        var reports: [Report] = []
        var checked = 0
        var newFiles: [String] = []
        let commit = try againstGit.map { try GitFiles.commit($0, near: new.first ?? ".") }
        for file in new {
            let schema = try SchemaInputs.parseRoot(file, imports: imports)
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
                versions = try found.map { version in
                    let name =
                        "\(againstGit):\(version.path)" + (found.count > 1 ? "@\(version.commit.prefix(12))" : "")
                    return (name, try SchemaInputs.parseText(version.text, name: name, imports: imports))
                }
            } else {
                versions = try against.map { ($0, try SchemaInputs.parseRoot($0, imports: imports)) }
            }
            checked += 1
            for finding in level.check(schema, against: versions.map(\.schema), strict: strict) {
                reports.append(Report(file: file, against: versions[finding.version].name, finding: finding))
            }
            if strict && level != .none && URL(fileURLWithPath: file).lastPathComponent.hasSuffix("-key.avsc"),
                let latest = versions.last, latest.schema.jsonText != schema.jsonText
            {
                reports.append(
                    Report(
                        file: file, against: latest.name, finding: nil,
                        strictKey:
                            "[\(StrictKind.keySchemaChanged.rawValue)] a key schema changed; keys would move to other partitions"
                    ))
            }
        }
        switch format {
        case .text: printText(reports, checked: checked, newFiles: newFiles)
        case .json: printJSON(reports, newFiles: newFiles)
        }
        if !reports.isEmpty { throw ExitCode(1) }
    }

    private func printText(_ reports: [Report], checked: Int, newFiles: [String]) {
        for file in newFiles { print("\(file): new, no earlier version at \(againstGit ?? "the ref")") }
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

    private func printJSON(_ reports: [Report], newFiles: [String]) {
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
                        + (againstGit == nil
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
