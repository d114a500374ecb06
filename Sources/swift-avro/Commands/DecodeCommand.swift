import ArgumentParser
import Avro

/// `swift-avro decode --schema FILE [--writer-schema FILE] [--hex] [--framing none|single-object|confluent]`
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode Avro binary datums from stdin and print one Avro JSON value per line.",
        discussion: """
            Input is a stream of datums (each with its framing header), or with --hex one hex line per datum. \
            With --writer-schema, data written with that schema is resolved into --schema. With single-object \
            framing the fingerprint must be the writer schema's; with confluent framing the id is read and, \
            if --schema-id is given, checked. Bad input exits 1 naming the datum's line (or index) and the path.
            """
    )

    @OptionGroup var schemaOptions: SchemaOptions

    @Option(name: .customLong("writer-schema"), help: "The schema the data was written with (default: --schema).")
    var writerSchema: String?

    @Flag(help: "Read one hex line per datum instead of a binary stream.")
    var hex = false

    @Option(help: "none, single-object or confluent.")
    var framing: Framing = .none

    @Option(name: .customLong("schema-id"), help: "With --framing confluent, the id every datum must carry.")
    var schemaID: Int32?

    func run() throws {
        let reader = try schemaOptions.load(schemaOptions.schema)
        let writer = try writerSchema.map { try schemaOptions.load($0) } ?? reader
        let codec: AvroGenericCodec
        do {
            codec = try AvroGenericCodec(writer: writer, reader: reader)
        } catch {
            printError("the writer schema cannot be read as the reader schema: \(error)")
            throw ExitCode(1)
        }
        let store = SchemaStore([writer])
        var output = ""
        let input = readStandardInput()
        if hex {
            let text = String(decoding: input, as: UTF8.self)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters()
                if trimmed.isEmpty { continue }
                guard let bytes = Hex.bytes(trimmed) else { throw failLine(index + 1, "not a hex string") }
                do {
                    let datum = try unframe(bytes[...], store: store)
                    output += try AvroJSONEncoding.encode(try codec.decode(Array(datum)), schema: reader) + "\n"
                } catch {
                    throw failLine(index + 1, "\(error)")
                }
            }
        } else {
            var remaining = input[...]
            var index = 0
            while !remaining.isEmpty {
                index += 1
                do {
                    let datum = try unframe(remaining, store: store)
                    let consumed = remaining.count - datum.count
                    let (value, length) = try decodeOne(Array(datum), codec: codec)
                    output += try AvroJSONEncoding.encode(value, schema: reader) + "\n"
                    remaining = remaining.dropFirst(consumed + length)
                } catch {
                    throw failLine(index, "\(error)")
                }
            }
        }
        print(output, terminator: "")
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
            let (id, datum) = try ConfluentWireFormat.unframe(Array(message))
            if let schemaID, id != schemaID { throw FramingError.unknownSchemaID(id) }
            return datum
        }
    }

    /// Decodes the first datum of `bytes`, returning it and the bytes it took.
    private func decodeOne(_ bytes: [UInt8], codec: AvroGenericCodec) throws(AvroCodingError) -> (AvroValue, Int) {
        try AvroBinaryReader.withReader(bytes, limits: codec.limits) {
            (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            (try codec.decode(from: &reader), reader.offset)
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
