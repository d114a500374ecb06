import Avro
import AvroLint
import Foundation

/// Parsing the corpus's largest schema (377 KiB, 441 named types) and computing its canonical form.
enum SchemaBenchmarks {
    static func run(shared: URL) throws -> [Measurement] {
        let url = shared.appendingPathComponent("corpus/apache__avro/lang/c++/jsonschemas/large_schema.avsc")
        let bytes = Array(try Data(contentsOf: url))
        var canonicalLength = 0
        let parseAndCanonicalize = try measure(
            "large_schema.avsc: parse + canonical form", items: 1, bytes: bytes.count
        ) {
            let set = try SchemaSet(sources: [("large_schema.avsc", bytes)])
            canonicalLength = set.files[0].root.canonicalForm.utf8.count
        }
        let fingerprint = try measure("large_schema.avsc: parse + Rabin fingerprint", items: 1, bytes: bytes.count) {
            let set = try SchemaSet(sources: [("large_schema.avsc", bytes)])
            precondition(set.files[0].root.rabinFingerprint != 0)
        }
        precondition(canonicalLength > 0)
        return [parseAndCanonicalize, fingerprint]
    }
}

extension SchemaBenchmarks {
    static func phases(shared: URL) throws -> [Measurement] {
        let url = shared.appendingPathComponent("corpus/apache__avro/lang/c++/jsonschemas/large_schema.avsc")
        let bytes = Array(try Data(contentsOf: url))
        let json = try measure("large_schema.avsc: JSON only", items: 1, bytes: bytes.count) {
            _ = try JSONParser().parse(bytes: bytes)
        }
        let set = try SchemaSet(sources: [("large_schema.avsc", bytes)])
        let canonical = measure("large_schema.avsc: canonical form only", items: 1, bytes: bytes.count) {
            _ = set.files[0].root.canonicalForm
        }
        return [json, canonical]
    }
}

extension SchemaBenchmarks {
    /// Linting every corpus file as one set (parse included).
    static func lintCorpus(shared: URL) throws -> [Measurement] {
        let corpus = shared.appendingPathComponent("corpus")
        let files =
            FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".avsc") || $0.hasSuffix(".avro") }.sorted() ?? []
        let sources = try files.map { ($0, Array(try Data(contentsOf: corpus.appendingPathComponent($0)))) }
        let bytes = sources.reduce(0) { $0 + $1.1.count }
        var count = 0
        let measurement = measure("lint the corpus (\(sources.count) files)", items: sources.count, bytes: bytes) {
            count = Linter().lint(sources: sources).count
        }
        precondition(count > 0)
        return [measurement]
    }
}
