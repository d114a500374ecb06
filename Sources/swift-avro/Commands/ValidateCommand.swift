import ArgumentParser
import Avro
import AvroTooling

/// `swift-avro validate FILE...`
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check schema files against the Avro 1.12 specification.",
        discussion: """
            The files form one set: a named type defined in one file can be used from the others, in any order. \
            Exits 0 when every file is valid and 1 when any is invalid, printing each error on stderr as \
            FILE:LINE:COL: message.
            """
    )

    @Argument(help: "Schema files, or directories of .avsc files.")
    var files: [String]

    func run() throws {
        let set = try SchemaInputs.parseSet(files)
        print("\(set.files.count) schema file(s) valid, \(set.namedTypes.count) named type(s)")
    }
}
