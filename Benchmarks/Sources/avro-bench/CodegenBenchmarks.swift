import Avro
import AvroCodegen
import Foundation

/// Generating Swift for every valid corpus entry (each entry's files parsed as one set, as `swift-avro generate`
/// does), in process.
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
        var lines = 0
        let measurement = try measure(
            "generate Swift for the corpus (\(entries.count) entries)", items: entries.count, bytes: bytes, samples: 3
        ) {
            lines = 0
            for sources in entries {
                for file in try generator.generate(try SchemaSet(sources: sources)) {
                    lines += file.source.utf8.count
                }
            }
        }
        precondition(lines > 0)
        return [measurement]
    }
}
