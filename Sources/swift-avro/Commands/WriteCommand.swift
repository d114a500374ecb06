import ArgumentParser
import Avro
import AvroContainer
import Foundation

/// `swift-avro write --schema FILE [--codec null|deflate|snappy|zstandard] OUT.avro`
struct WriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Write Avro JSON values (one per line on stdin) to an object container file.",
        discussion: """
            The file is written to a temporary file and renamed into place only when every line encoded, so a \
            bad line (exit 1, naming its line number and the path inside the value) leaves no partial file. \
            With --append, values are added to an existing file with its own schema and codec.
            """
    )

    @OptionGroup var schemaOptions: SchemaOptions

    @Option(help: "null, deflate, snappy or zstandard.")
    var codec: ContainerCodec = .null

    @Option(name: .customLong("block-size"), help: "Uncompressed bytes per block.")
    var blockSize = 64 * 1024

    @Flag(help: "Add the values to an existing file (its schema must be --schema's).")
    var append = false

    @Argument(help: "The container file to write.")
    var output: String

    func run() throws {
        let schema = try schemaOptions.load(schemaOptions.schema)
        var file: [UInt8] = []
        var writer: AvroContainerWriter
        if append, FileManager.default.fileExists(atPath: output) {
            guard let existing = FileManager.default.contents(atPath: output) else {
                throw ValidationError("cannot read \(output)")
            }
            file = Array(existing)
            let header = try AvroContainerReader(bytes: file).header
            guard header.schema.canonicalForm == schema.canonicalForm else {
                throw ValidationError("\(output) was written with another schema")
            }
            writer = AvroContainerWriter(appendingTo: header, blockSize: blockSize) { file += $0 }
        } else {
            writer = try AvroContainerWriter(schema: schema, codec: codec, blockSize: blockSize) { file += $0 }
        }
        let text = String(decoding: readStandardInput(), as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                try writer.append(try AvroJSONEncoding.decode(String(line), schema: schema))
            } catch {
                throw failLine(index + 1, "\(error)")
            }
        }
        try writer.finish()
        let temporary = output + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(file)) else {
            throw ValidationError("cannot write \(temporary)")
        }
        if rename(temporary, output) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ValidationError("cannot move the file into place at \(output)")
        }
    }
}
