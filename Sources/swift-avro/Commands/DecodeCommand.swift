import ArgumentParser
import Avro
import AvroTooling

/// `swift-avro decode --schema FILE [--writer-schema FILE] [--hex] [--framing none|single-object|confluent]`
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode Avro binary datums from stdin and print one Avro JSON value per line.",
        discussion: """
            Input is a stream of datums (each with its framing header), read as it comes, or with --hex one hex \
            line per datum (an empty line is a datum of zero bytes, e.g. a null). Bytes left that no datum \
            consumes are an error. \
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
        let output = StreamOutput()
        defer { output.flush() }
        var input = StreamInput()
        input.beforeRead = { output.flush() }
        if hex {
            var number = 0
            while let line = try input.readLine() {
                number += 1
                // An empty line is a datum of zero bytes (a null, an empty record).
                let trimmed = String(decoding: line, as: UTF8.self)[...].trimmingCharacters()
                guard let bytes = Hex.bytes(trimmed) else { throw failLine(number, "not a hex string") }
                do {
                    let datum = try unframe(bytes[...], store: store)
                    output.write(try AvroJSONEncoding.encode(try codec.decode(Array(datum)), schema: reader) + "\n")
                } catch {
                    throw failLine(number, "\(error)")
                }
            }
        } else {
            var index = 0
            while true {
                if input.available == 0, try !input.readMore() { break }
                index += 1
                do {
                    let value = try decodeNext(&input, codec: codec, store: store)
                    output.write(try AvroJSONEncoding.encode(value, schema: reader) + "\n")
                } catch {
                    output.flush()
                    throw failLine(index, "\(error)")
                }
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

    /// Decodes the next datum of a binary stream (not empty), reading more input while the datum is cut short.
    /// Only the datum's bytes are looked at, once per refill; refills double, so the time is linear.
    private func decodeNext(_ input: inout StreamInput, codec: AvroGenericCodec, store: SchemaStore) throws
        -> AvroValue
    {
        while input.available < headerSize, try input.readMore() {}
        let header = Array(input.pending.prefix(headerSize))
        _ = try unframe(header[...], store: store)
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
            let (id, datum) = try ConfluentWireFormat.unframe(Array(message))
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
