import ArgumentParser
import Avro
import AvroRegistry
import AvroTooling

/// `swift-avro decode --schema FILE [--writer-schema FILE] [--hex] [--framing none|single-object|confluent]`, or
/// `swift-avro decode --framing confluent --registry URL [--schema READER] [--hex]`
struct DecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode Avro binary datums from stdin and print one Avro JSON value per line.",
        discussion: """
            Input is a stream of datums (each with its framing header), read as it comes, or with --hex one hex \
            line per datum (an empty line is a datum of zero bytes, e.g. a null). Bytes left that no datum \
            consumes are an error. \
            With --writer-schema, data written with that schema is resolved into --schema. With single-object \
            framing the fingerprint must be the writer schema's; with confluent framing the id is read and, \
            if --schema-id is given, checked. With --framing confluent --registry URL, each datum's writer \
            schema is fetched from the registry by its id (once per id) and resolved into --schema, or, without \
            --schema, printed as the writer wrote it. Bad input exits 1 naming the datum's line (or index) and \
            the path; so does an id the registry does not know.
            """
    )

    @Option(name: .long, help: "The schema file of the values (the reader's; optional with --registry).")
    var schema: String?

    @Option(name: .customLong("import"), help: "Files that define named types the schemas use (repeatable).")
    var imports: [String] = []

    @Option(name: .customLong("writer-schema"), help: "The schema the data was written with (default: --schema).")
    var writerSchema: String?

    @Flag(help: "Read one hex line per datum instead of a binary stream.")
    var hex = false

    @Option(help: "none, single-object or confluent.")
    var framing: Framing = .none

    @Option(name: .customLong("schema-id"), help: "With --framing confluent, the id every datum must carry.")
    var schemaID: Int32?

    @OptionGroup(title: "Schema registry (with --framing confluent: writer schemas by id)")
    var registry: RegistryDataOptions

    func validate() throws {
        if registry.isGiven {
            if framing != .confluent { throw ValidationError("--registry goes with --framing confluent") }
            if schemaID != nil { throw ValidationError("--registry and --schema-id exclude each other") }
            if writerSchema != nil {
                throw ValidationError("--registry and --writer-schema exclude each other (the registry has the writer)")
            }
        } else if schema == nil {
            throw ValidationError("missing --schema (the schema of the values)")
        }
    }

    func run() async throws {
        let reader = try schema.map { try SchemaInputs.parseRoot($0, imports: imports) }
        if registry.isGiven {
            try await runWithRegistry(reader: reader)
            return
        }
        guard let reader else { return }
        let writer = try writerSchema.map { try SchemaInputs.parseRoot($0, imports: imports) } ?? reader
        let codec: AvroGenericCodec
        do {
            codec = try AvroGenericCodec(writer: writer, reader: reader)
        } catch {
            printError("the writer schema cannot be read as the reader schema: \(error)")
            throw ExitCode(1)
        }
        let store = SchemaStore([writer])
        if hex {
            try await eachHexDatum(describe: { "\($0)" }) { bytes in
                let datum = try unframe(bytes[...], store: store)
                return try AvroJSONEncoding.encode(try codec.decode(datum), schema: reader)
            }
        } else {
            try await eachStreamDatum(describe: { "\($0)" }) { input in
                try readHeader(&input, store: store)
                return try AvroJSONEncoding.encode(try decodeBody(&input, codec: codec), schema: reader)
            }
        }
    }

    /// Decodes Confluent-framed datums whose writer schemas the registry holds: hex lines through the registry
    /// deserializer, a binary stream with one codec per writer id (a stream's datums have no length, so each is
    /// decoded where it stands).
    private func runWithRegistry(reader: Schema?) async throws {
        let client = registry.makeClient()
        let deserializer = AvroRegistryDeserializer(client: client)
        var codecs = RegistryCodecs(client: client, reader: reader)
        if hex {
            try await eachHexDatum(describe: registry.message(for:)) { bytes in
                if let reader {
                    let value = try await deserializer.deserialize(bytes, readerSchema: reader)
                    return try AvroJSONEncoding.encode(value, schema: reader)
                }
                let (value, writer) = try await deserializer.deserialize(bytes)
                return try AvroJSONEncoding.encode(value, schema: writer)
            }
        } else {
            try await eachStreamDatum(describe: registry.message(for:)) { input in
                let header = try readHeader(&input, store: SchemaStore([]))
                let (id, _) = try ConfluentWireFormat.unframe(header)
                let codec = try await codecs.codec(forID: id)
                return try AvroJSONEncoding.encode(try decodeBody(&input, codec: codec), schema: codec.schema)
            }
        }
    }

    /// Prints `line(bytes)` for each hex line of standard input (an empty line is a datum of zero bytes: a null,
    /// an empty record); an error fails with the line's number and `describe(error)`.
    private func eachHexDatum(
        describe: (any Error) -> String, _ line: ([UInt8]) async throws -> String
    ) async throws {
        let output = StreamOutput()
        defer { output.flush() }
        var input = StreamInput()
        input.beforeRead = { output.flush() }
        var number = 0
        while let text = try input.readLine() {
            number += 1
            let trimmed = String(decoding: text, as: UTF8.self)[...].trimmingCharacters()
            guard let bytes = Hex.bytes(trimmed) else { throw failLine(number, "not a hex string") }
            do {
                output.write(try await line(bytes) + "\n")
            } catch {
                output.flush()
                throw failLine(number, describe(error))
            }
        }
    }

    /// Prints `datum(&input)` for each datum of the binary stream on standard input (`datum` reads one); an error
    /// fails with the datum's index and `describe(error)`.
    private func eachStreamDatum(
        describe: (any Error) -> String, _ datum: (inout StreamInput) async throws -> String
    ) async throws {
        let output = StreamOutput()
        defer { output.flush() }
        var input = StreamInput()
        input.beforeRead = { output.flush() }
        var index = 0
        while true {
            if input.available == 0, try !input.readMore() { break }
            index += 1
            do {
                output.write(try await datum(&input) + "\n")
            } catch {
                output.flush()
                throw failLine(index, describe(error))
            }
        }
    }

    /// The framing header's size.
    private var headerSize: Int {
        switch framing {
        case .none: return 0
        case .singleObject: return SingleObjectEncoding.headerSize
        case .confluent: return ConfluentWireFormat.headerSize
        }
    }

    /// Reads the next datum's framing header (checked) from a binary stream, reading more input while it is cut
    /// short, and returns it.
    @discardableResult
    private func readHeader(_ input: inout StreamInput, store: SchemaStore) throws -> [UInt8] {
        while input.available < headerSize, try input.readMore() {}
        let header = Array(input.pending.prefix(headerSize))
        _ = try unframe(header[...], store: store)
        return header
    }

    /// Decodes the datum after the header of a binary stream (not empty), reading more input while the datum is
    /// cut short. Only the datum's bytes are looked at, once per refill; refills double, so the time is linear.
    private func decodeBody(_ input: inout StreamInput, codec: AvroGenericCodec) throws -> AvroValue {
        while true {
            let body = input.pending.dropFirst(headerSize)
            let result = decodeOne(body, codec: codec)
            switch result {
            case .success(let (value, length)):
                if length == 0 && headerSize == 0 {
                    // A datum of zero bytes (null, an empty record) cannot consume what follows: the stream would
                    // never end.
                    throw AvroCodingError(
                        .trailingBytes, "\(body.count) bytes that no datum consumes (the schema's datums take 0 bytes)")
                }
                input.consume(headerSize + length)
                return value
            case .failure(let error):
                // A datum cut short continues past the bytes buffered so far: read more, or fail at the end.
                if error.kind != .truncated { throw error }
                if try !input.readMore() { throw error }
            }
        }
    }

    /// The datum after the framing header.
    private func unframe(_ message: ArraySlice<UInt8>, store: SchemaStore) throws -> ArraySlice<UInt8> {
        switch framing {
        case .none:
            return message
        case .singleObject:
            let (fingerprint, datum) = try SingleObjectEncoding.unframe(Array(message))
            guard store.schema(fingerprint: fingerprint) != nil else {
                throw FramingError.unknownFingerprint(fingerprint)
            }
            return datum
        case .confluent:
            let (id, datum) = try ConfluentWireFormat.unframe(message)
            if let schemaID, id != schemaID { throw FramingError.unknownSchemaID(id) }
            return datum
        }
    }

    /// Decodes the first datum of `bytes`, returning it and the bytes it took.
    private func decodeOne(_ bytes: ArraySlice<UInt8>, codec: AvroGenericCodec) -> Result<
        (AvroValue, Int), AvroCodingError
    > {
        bytes.withUnsafeBytes { buffer in
            var reader = AvroBinaryReader(buffer, limits: codec.limits)
            do throws(AvroCodingError) {
                return .success((try codec.decode(from: &reader), reader.offset))
            } catch {
                return .failure(error)
            }
        }
    }
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}

/// The codecs of a registry decode without the deserializer (a binary stream): one per writer schema id, fetched
/// once, reading as the reader schema or, without one, as the writer's. Errors as the deserializer's: an id the
/// registry does not know is ``FramingError/unknownSchemaID(_:)``, a writer the reader cannot read
/// ``RegistrySerdeError/unresolvable(schemaID:message:)``.
struct RegistryCodecs {
    let client: SchemaRegistryClient
    let reader: Schema?
    private var codecs: [Int32: AvroGenericCodec] = [:]

    init(client: SchemaRegistryClient, reader: Schema?) {
        self.client = client
        self.reader = reader
    }

    mutating func codec(forID id: Int32) async throws -> AvroGenericCodec {
        if let codec = codecs[id] { return codec }
        let writer: Schema
        do {
            writer = try await client.parsedSchema(id: Int(id))
        } catch let error as RegistryError where error.code == 40403 {
            throw FramingError.unknownSchemaID(id)
        }
        let codec: AvroGenericCodec
        if let reader {
            do {
                codec = try AvroGenericCodec(writer: writer, reader: reader)
            } catch {
                throw RegistrySerdeError.unresolvable(schemaID: Int(id), message: error.message)
            }
        } else {
            codec = AvroGenericCodec(schema: writer)
        }
        codecs[id] = codec
        return codec
    }
}
