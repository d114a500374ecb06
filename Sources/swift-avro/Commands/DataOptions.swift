import ArgumentParser
import Avro
import AvroTooling
import Foundation

/// How datums are framed on the wire.
enum Framing: String, ExpressibleByArgument, CaseIterable {
    case none
    case singleObject = "single-object"
    case confluent
}

/// The schema options shared by the data commands.
struct SchemaOptions: ParsableArguments {
    @Option(name: .long, help: "The schema file of the values.")
    var schema: String

    @Option(name: .customLong("import"), help: "Files that define named types the schemas use (repeatable).")
    var imports: [String] = []

    /// The schema in `path`, parsed with the imports.
    func load(_ path: String) throws -> Schema {
        try SchemaInputs.parseRoot(path, imports: imports)
    }
}

/// Reads all of standard input.
func readStandardInput() -> [UInt8] {
    Array(FileHandle.standardInput.readDataToEndOfFile())
}

/// Writes bytes to standard output.
func writeStandardOutput(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
}

/// A data error on one input line: printed as `line N: at PATH: message`, exit code 1.
func failLine(_ line: Int, _ message: String) -> ExitCode {
    printError("line \(line): \(message)")
    return ExitCode(1)
}
