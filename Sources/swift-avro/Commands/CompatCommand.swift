import ArgumentParser
import Avro
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
            Exit 0 when compatible, 1 when not (every reason printed).
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
        for file in new {
            let schema = try SchemaInputs.parseRoot(file, imports: imports)
            var versions: [(name: String, schema: Schema)] = []
            if let againstGit {
                guard let text = try GitFiles.show(againstGit, file) else { continue }  // a new file: nothing to break
                versions = [
                    (
                        "\(againstGit):\(file)",
                        try SchemaInputs.parseText(text, name: "\(againstGit):\(file)", imports: imports)
                    )
                ]
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
        case .text: printText(reports, checked: checked)
        case .json: printJSON(reports)
        }
        if !reports.isEmpty { throw ExitCode(1) }
    }

    private func printText(_ reports: [Report], checked: Int) {
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
        if reports.isEmpty { print("compatible (\(level.rawValue), \(checked) schema(s) checked)") }
    }

    private func printJSON(_ reports: [Report]) {
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
                JSONObject(members: [
                    .init(key: "compatible", value: JSONValue(.bool(reports.isEmpty))),
                    .init(key: "level", value: JSONValue(.string(level.rawValue))),
                    .init(key: "incompatibilities", value: JSONValue(.array(items))),
                ])))
        print(JSONWriter.string(document))
    }
}

/// Files as they are at a git ref.
enum GitFiles {
    /// The text of `path` at `ref`, or nil when the file does not exist there.
    static func show(_ ref: String, _ path: String) throws -> String? {
        let prefix = try run(["rev-parse", "--show-prefix"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let relative = URL(fileURLWithPath: path).standardized.path.replacingOccurrences(
            of: URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardized.path + "/", with: "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", "\(ref):\(prefix)\(relative)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("not inside a git repository") }
        return String(decoding: data, as: UTF8.self)
    }
}
