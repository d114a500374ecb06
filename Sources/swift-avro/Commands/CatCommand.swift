import ArgumentParser
import Avro
import AvroContainer
import AvroTooling
import Foundation

extension ContainerCodec: ExpressibleByArgument {}

/// `swift-avro cat FILE.avro [--schema READER]`
struct CatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Print the values of an object container file as Avro JSON lines.",
        discussion: "The file is streamed block by block. With --schema, values are resolved into that reader schema."
    )

    @Argument(help: "The container file.")
    var file: String

    @Option(help: "A reader schema to resolve the values into.")
    var schema: String?

    @Option(name: .customLong("import"), help: "Files that define named types the reader schema uses (repeatable).")
    var imports: [String] = []

    func run() throws {
        let readerSchema = try schema.map { try SchemaInputs.parseRoot($0, imports: imports) }
        var index = 0
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ValidationError("cannot read \(file)")  // a missing file is a usage error (exit 2)
        }
        do {
            var reader = try AvroContainerReader(path: file, readerSchema: readerSchema)
            var output = ""
            while let value = try reader.next() {
                index += 1
                output += try AvroJSONEncoding.encode(value, schema: reader.schema) + "\n"
                if output.utf8.count > 1 << 16 {
                    print(output, terminator: "")
                    output = ""
                }
            }
            print(output, terminator: "")
        } catch {
            printError("\(file): value \(index + 1): \(error)")
            throw ExitCode(1)
        }
    }
}
