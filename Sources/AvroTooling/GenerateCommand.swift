import ArgumentParser
import Avro
import AvroCodegen
import Foundation

/// `swift-avro generate [--output DIR] [--config FILE] INPUTS...`
package struct GenerateCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift models with Avro binary serde from schema files.",
        discussion: """
            The inputs form one schema set (names resolve across files in any order). One Swift file is written \
            per schema file. Output is deterministic and starts with a do-not-edit header.
            """
    )

    package enum AccessLevel: String, ExpressibleByArgument { case `public`, `package`, `internal` }

    @Option(help: "The directory to write into.")
    var output = "."

    @Option(
        help: """
            A JSON configuration file: access level, type prefix, namespaces, type names, logical types, enum case \
            style, Codable, conformances (default: swift-avro.json in the working directory, if present).
            """)
    var config: String?

    @Option(name: .customLong("access-level"), help: "public, package or internal (overrides the configuration).")
    var accessLevel: AccessLevel?

    @Argument(help: "Schema files, or directories of .avsc files.")
    var inputs: [String]

    package init() {}

    package func run() throws {
        var options = GeneratorOptions()
        let config = config ?? (FileManager.default.fileExists(atPath: "swift-avro.json") ? "swift-avro.json" : nil)
        if let config {
            guard let bytes = FileManager.default.contents(atPath: config) else {
                throw ValidationError("cannot read \(config)")
            }
            do {
                options = try GeneratorOptions(json: Array(bytes), file: config)
            } catch {
                // A configuration error is a usage error (README: exit 2), as for lint.
                printError("\(error)")
                throw ExitCode(2)
            }
        }
        if let accessLevel { options.accessLevel = accessLevel.rawValue }
        let set = try SchemaInputs.parseSet(inputs)
        let generator = SwiftModelGenerator(options: options)
        let files: [(fileName: String, source: String)]
        do {
            files = try generator.generate(set)
        } catch {
            // Generation fails only on the configuration (a `types` override naming two types).
            printError("\(error)")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("cannot create the output directory \(output): \(error.localizedDescription)")
        }
        for file in files {
            let path = URL(fileURLWithPath: output).appendingPathComponent(file.fileName).path
            guard FileManager.default.createFile(atPath: path, contents: Data(file.source.utf8)) else {
                throw ValidationError("cannot write \(path)")
            }
        }
        print("generated \(files.count) file(s) in \(output)")
    }
}
