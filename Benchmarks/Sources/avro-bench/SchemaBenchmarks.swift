import Avro
import AvroLibavro
import AvroLint
import CAvro
import Foundation

/// Parsing the corpus's largest schema (`large_schema.avsc`, 377 KiB, 441 named types), alone and with its Parsing
/// Canonical Form; libavro parses it too (it has no canonical form).
enum SchemaBenchmarks {
    static let parse = "parse largest schema"
    static let parseCanonical = "parse largest schema + canonical form"
    static let largestSchema = "apache__avro/lang/c++/jsonschemas/large_schema.avsc"

    static func run(shared: URL) throws -> [Measurement] {
        let url = shared.appendingPathComponent("corpus/\(largestSchema)")
        let bytes = Array(try Data(contentsOf: url))
        let text = String(decoding: bytes, as: UTF8.self)
        let schemaRounds = max(rounds, 10)
        let parsing = try measure(parse, "swift-avro", items: 1, bytes: bytes.count, rounds: schemaRounds) {
            try SchemaSet(sources: [("large_schema.avsc", bytes)])
        }
        let canonical = try measure(
            parseCanonical, "swift-avro", items: 1, bytes: bytes.count, rounds: schemaRounds
        ) {
            try SchemaSet(sources: [("large_schema.avsc", bytes)]).files[0].root.canonicalForm
        }
        let libavro = try measure(parse, "libavro", items: 1, bytes: bytes.count, rounds: schemaRounds) {
            var loaded: avro_schema_t?
            guard avro_schema_from_json_length(text, text.utf8.count, &loaded) == 0, let loaded else {
                throw LibavroFailure(LibavroError.describe("large_schema.avsc"))
            }
            avro_schema_decref(loaded)
            return 1
        }
        return [parsing, libavro, canonical]
    }
}

extension SchemaBenchmarks {
    /// The two halves of ``parseCanonical`` apart: parsing the schema (JSON, names, validation) and computing the
    /// canonical form of the parsed schema.
    static func phases(shared: URL) throws -> [Measurement] {
        let url = shared.appendingPathComponent("corpus/\(largestSchema)")
        let bytes = Array(try Data(contentsOf: url))
        let text = String(decoding: bytes, as: UTF8.self)
        let schema = try measure("parse only", "swift-avro", items: 1, bytes: bytes.count) {
            try Schema(parsing: text, file: "large_schema.avsc")
        }
        let parsed = try Schema(parsing: text, file: "large_schema.avsc")
        let canonical = measure("canonical form only", "swift-avro", items: 1, bytes: bytes.count) {
            parsed.canonicalForm
        }
        return [schema, canonical]
    }
}

extension SchemaBenchmarks {
    /// Linting every corpus schema file (`.avsc`, and the `.avro` files that hold schemas) as one set, parse
    /// included.
    static func lintCorpus(shared: URL) throws -> [Measurement] {
        let corpus = shared.appendingPathComponent("corpus")
        let files =
            FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".avsc") || $0.hasSuffix(".avro") }.sorted() ?? []
        let sources = try files.map { ($0, Array(try Data(contentsOf: corpus.appendingPathComponent($0)))) }
        let bytes = sources.reduce(0) { $0 + $1.1.count }
        let operation = "lint (corpus: \(sources.count) files as one set)"
        let measurement = measure(operation, "swift-avro", items: sources.count, bytes: bytes) {
            Linter().lint(sources: sources)
        }
        precondition(!Linter().lint(sources: sources).isEmpty)
        return [measurement]
    }
}
