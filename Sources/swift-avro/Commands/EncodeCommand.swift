import ArgumentParser
import Avro

/// `swift-avro encode --schema FILE [--hex] [--framing none|single-object|confluent] [--schema-id N]`
struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode Avro JSON values (one per line on stdin) as Avro binary on stdout.",
        discussion: """
            Values use the Avro JSON encoding (unions as {"branch": value}, bytes as ISO-8859-1 strings). \
            Nothing is written unless every line encodes; a bad line exits 1 naming its line number and the \
            path inside the value.
            """
    )

    @OptionGroup var schemaOptions: SchemaOptions

    @Flag(help: "Write one lowercase hex line per value instead of binary.")
    var hex = false

    @Option(help: "none, single-object (C3 01 + fingerprint) or confluent (0 + schema id).")
    var framing: Framing = .none

    @Option(name: .customLong("schema-id"), help: "The schema id written by --framing confluent.")
    var schemaID: Int32?

    func validate() throws {
        if framing == .confluent && schemaID == nil {
            throw ValidationError("--framing confluent needs --schema-id")
        }
    }

    func run() throws {
        let schema = try schemaOptions.load(schemaOptions.schema)
        let codec = AvroGenericCodec(schema: schema)
        let header: [UInt8] =
            switch framing {
            case .none: []
            case .singleObject: SingleObjectEncoding.header(for: schema)
            case .confluent: ConfluentWireFormat.header(schemaID: schemaID ?? 0)
            }
        var output: [UInt8] = []
        var writer = AvroBinaryWriter()
        let text = String(decoding: readStandardInput(), as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                let value = try AvroJSONEncoding.decode(String(line), schema: schema)
                writer.removeAll()
                try codec.encode(value, to: &writer)
            } catch {
                throw failLine(index + 1, "\(error)")
            }
            if hex {
                output += Array((Hex.string(header + writer.bytes) + "\n").utf8)
            } else {
                output += header + writer.bytes
            }
        }
        writeStandardOutput(output)
    }
}
