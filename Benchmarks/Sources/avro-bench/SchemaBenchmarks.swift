import Avro
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
