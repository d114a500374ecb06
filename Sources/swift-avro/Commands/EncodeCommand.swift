import ArgumentParser
import Avro
import AvroRegistry
import AvroTooling

/// `swift-avro encode --schema FILE [--hex] [--framing none|single-object|confluent] [--schema-id N]`, or
/// `swift-avro encode --schema FILE --framing confluent --registry URL (--subject S | --topic T [--key])`
struct EncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode Avro JSON values (one per line on stdin) as Avro binary on stdout.",
        discussion: """
            Values use the Avro JSON encoding (unions as {"branch": value}, bytes as ISO-8859-1 strings). \
            Nothing is written unless every line encodes; a bad line exits 1 naming its line number and the \
            path inside the value. With --framing confluent --registry URL, the schema is registered under \
            --subject S (or <topic>-value, with --key <topic>-key, for --topic T) as Confluent's serializer \
            does, or with --no-auto-register looked up (absent: exit 1 with the registry's message), and every \
            value is framed with its id.
            """
    )

    @OptionGroup var schemaOptions: SchemaOptions

    @Flag(help: "Write one lowercase hex line per value instead of binary.")
    var hex = false

    @Option(help: "none, single-object (C3 01 + fingerprint) or confluent (0 + schema id).")
    var framing: Framing = .none

    @Option(name: .customLong("schema-id"), help: "The schema id written by --framing confluent.")
    var schemaID: Int32?

    @Option(help: "With --registry: the subject to register the schema under (or look it up in).")
    var subject: String?

    @Option(help: "With --registry: the topic, for the subject <topic>-value (with --key, <topic>-key).")
    var topic: String?

    @Flag(help: "With --topic: the values are message keys (subject <topic>-key).")
    var key = false

    @Flag(
        inversion: .prefixedNo,
        help: "With --registry: register the schema when the subject lacks it (the default), or only look it up.")
    var autoRegister = true

    @OptionGroup(title: "Schema registry (with --framing confluent: the id from the registry)")
    var registry: RegistryDataOptions

    func validate() throws {
        if registry.isGiven {
            if framing != .confluent { throw ValidationError("--registry goes with --framing confluent") }
            if schemaID != nil { throw ValidationError("--registry and --schema-id exclude each other") }
            if (subject == nil) == (topic == nil) {
                throw ValidationError("with --registry, give either --subject SUBJECT or --topic TOPIC")
            }
            if key && topic == nil { throw ValidationError("--key goes with --topic") }
            return
        }
        for (option, given) in [
            ("--subject", subject != nil), ("--topic", topic != nil), ("--key", key),
            ("--no-auto-register", !autoRegister),
        ] where given {
            throw ValidationError("\(option) goes with --registry")
        }
        if framing == .confluent && schemaID == nil {
            throw ValidationError("--framing confluent needs --schema-id or --registry")
        }
    }

    func run() async throws {
        let schema = try schemaOptions.load(schemaOptions.schema)
        let codec = AvroGenericCodec(schema: schema)
        var values: [AvroValue] = []
        var writer = AvroBinaryWriter()
        let text = String(decoding: readStandardInput(), as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                let value = try AvroJSONEncoding.decode(String(line), schema: schema)
                writer.removeAll()
                try codec.encode(value, to: &writer)
                values.append(value)
            } catch {
                throw failLine(index + 1, "\(error)")
            }
        }
        var messages: [[UInt8]] = []
        if registry.isGiven {
            try await registry.withClient { client in
                let serializer = AvroRegistrySerializer(client: client, configuration: serializerConfiguration)
                for value in values {
                    messages.append(try await serializer.serialize(value, schema: schema, topic: topic ?? ""))
                }
            }
        } else {
            let header: [UInt8] =
                switch framing {
                case .none: []
                case .singleObject: SingleObjectEncoding.header(for: schema)
                case .confluent: ConfluentWireFormat.header(schemaID: schemaID ?? 0)
                }
            messages = try values.map { header + (try codec.encode($0)) }
        }
        var output: [UInt8] = []
        for message in messages {
            output += hex ? Array((Hex.string(message) + "\n").utf8) : message
        }
        writeStandardOutput(output)
    }

    /// The serializer's settings: the subject from --subject, or the topic name strategy for --topic [--key].
    private var serializerConfiguration: AvroRegistrySerializer.Configuration {
        var configuration = AvroRegistrySerializer.Configuration(isKey: key)
        configuration.autoRegister = autoRegister
        if let subject {
            configuration.subjectNameStrategy = SubjectNameStrategy(name: "explicit") { _, _, _ in subject }
        }
        return configuration
    }
}
