import BenchModels
import Foundation

// avro-bench [schema|schema-phases|lint|codegen|codec|framing|container|registry]... [--shared PATH]
//     [--records N] [--rounds N] [--dump FILE] [--json]
// Runs the benchmarks (release builds only) on the shared workload and prints one line per measurement, or JSON.
var arguments = Array(CommandLine.arguments.dropFirst())

@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...index + 1) }
    return arguments[index + 1]
}

let shared = URL(
    fileURLWithPath: option("--shared") ?? FileManager.default.currentDirectoryPath + "/../shared")
let recordCount = option("--records").flatMap { Int($0) } ?? 100_000
rounds = option("--rounds").flatMap { Int($0) } ?? rounds
let dump = option("--dump")
let json = arguments.contains("--json")
arguments.removeAll { $0 == "--json" }
let allSuites = ["schema", "lint", "codegen", "codec", "framing", "container", "registry"]
let suites = arguments.isEmpty ? allSuites : arguments

var loadedWorkload: Workload?
@MainActor func workload() throws -> Workload {
    if let loadedWorkload { return loadedWorkload }
    let built = try Workload(shared: shared, count: recordCount)
    loadedWorkload = built
    // The process's first passes over 100,000 fresh buffers run slower (the heap grows); run them before any
    // measurement, so that the first one measured is not penalised.
    _ = try measure("warm-up", "", items: 0, bytes: 0) {
        (try built.orders.map { try $0.avroEncoded() }, try built.encoded.map { try Order(avroEncoded: $0) })
    }
    return built
}

var results: [Measurement] = []
for suite in suites {
    switch suite {
    case "schema": results += try SchemaBenchmarks.run(shared: shared)
    case "schema-phases": results += try SchemaBenchmarks.phases(shared: shared)
    case "lint": results += try SchemaBenchmarks.lintCorpus(shared: shared)
    case "codegen": results += try CodegenBenchmarks.run(shared: shared)
    case "codec": results += try CodecBenchmarks.run(try workload(), dump: dump)
    case "framing": results += try FramingBenchmarks.run(try workload())
    case "container": results += try ContainerBenchmarks.run(try workload())
    case "registry": results += try await RegistryBenchmarks.run(try workload())
    default:
        FileHandle.standardError.write(
            Data("unknown suite \(suite); suites: \((allSuites + ["schema-phases"]).joined(separator: ", "))\n".utf8))
        exit(2)
    }
}
if json {
    let rows = results.map { result -> [String: Any] in
        [
            "operation": result.operation, "implementation": result.implementation, "seconds": result.seconds,
            "items": result.items, "bytes": result.bytes,
        ]
    }
    print(String(decoding: try JSONSerialization.data(withJSONObject: rows), as: UTF8.self))
    exit(0)
}
print("best of \(rounds) rounds; \(recordCount) records")
for result in results {
    print(
        (result.operation + ", " + result.implementation).padding(toLength: 64, withPad: " ", startingAt: 0)
            + String(
                format: "%10.3f ms  %12.0f items/s  %8.1f MB/s", result.seconds * 1000, result.itemsPerSecond,
                result.megabytesPerSecond))
}
