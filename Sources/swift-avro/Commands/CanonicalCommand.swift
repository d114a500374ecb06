import ArgumentParser
import Avro
import AvroTooling

/// `swift-avro canonical FILE`
struct CanonicalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonical",
        abstract: "Print a schema's Parsing Canonical Form."
    )

    @Argument(help: "The schema file.")
    var file: String

    @Option(name: .customLong("import"), help: "Files that define named types the schema uses (repeatable).")
    var imports: [String] = []

    func run() throws {
        print(try SchemaInputs.parseRoot(file, imports: imports).canonicalForm)
    }
}
