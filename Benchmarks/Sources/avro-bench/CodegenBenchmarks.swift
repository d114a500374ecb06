import Avro
import AvroCodegen
import Foundation

/// Generating Swift for every valid corpus entry (each entry's files parsed as one set, as `swift-avro generate`
/// does), in process; the corpus's invalid entries (MANIFEST.json `expected_invalid`) have nothing to generate.
enum CodegenBenchmarks {
    static func run(shared: URL) throws -> [Measurement] {
        let corpus = shared.appendingPathComponent("corpus")
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: corpus.appendingPathComponent("MANIFEST.json")))
            as! [[String: Any]]
        let entries = try manifest.filter { ($0["expected_invalid"] as? Bool) == false }.map { entry in
            let files = (entry["depends_on"] as! [String]) + [entry["file"] as! String]
            return try files.map { ($0, Array(try Data(contentsOf: corpus.appendingPathComponent($0)))) }
        }
        let bytes = entries.reduce(0) { $0 + $1.reduce(0) { $0 + $1.1.count } }
        let generator = SwiftModelGenerator()
        let operation = "generate Swift (corpus: \(entries.count) valid entries)"
        let measurement = try measure(operation, "swift-avro", items: entries.count, bytes: bytes, rounds: 3) {
            var generated = 0
            for sources in entries {
                for file in try generator.generate(try SchemaSet(sources: sources)) {
                    generated += file.source.utf8.count
                }
            }
            precondition(generated > 0)
            return generated
        }
        return [measurement]
    }
}
