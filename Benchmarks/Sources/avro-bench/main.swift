import Foundation

// avro-bench [schema|schema-phases|codec|registry|lint|codegen]... [--shared PATH] [--records N] [--dump FILE] [--json]:
// runs the benchmarks (release builds only) and prints one line per measurement, or JSON.
var arguments = Array(CommandLine.arguments.dropFirst())
var shared = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("../shared")
if let index = arguments.firstIndex(of: "--shared"), index + 1 < arguments.count {
    shared = URL(fileURLWithPath: arguments[index + 1])
    arguments.removeSubrange(index...index + 1)
}
var recordCount = 10_000
if let index = arguments.firstIndex(of: "--records"), index + 1 < arguments.count {
    recordCount = Int(arguments[index + 1]) ?? recordCount
    arguments.removeSubrange(index...index + 1)
}
var dump: String?
if let index = arguments.firstIndex(of: "--dump"), index + 1 < arguments.count {
    dump = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
}
let json = arguments.contains("--json")
arguments.removeAll { $0 == "--json" }
let suites = arguments.isEmpty ? ["schema", "lint", "codegen", "codec"] : arguments

var results: [Measurement] = []
for suite in suites {
    switch suite {
    case "schema": results += try SchemaBenchmarks.run(shared: shared)
    case "schema-phases": results += try SchemaBenchmarks.phases(shared: shared)
    case "lint": results += try SchemaBenchmarks.lintCorpus(shared: shared)
    case "codegen": results += try CodegenBenchmarks.run(shared: shared)
    case "codec": results += try CodecBenchmarks.run(shared: shared, count: recordCount, dump: dump)
    case "registry": results += try await RegistryBenchmarks.run(shared: shared, count: recordCount)
    default:
        FileHandle.standardError.write(
            Data("unknown suite \(suite); suites: schema, schema-phases, codec, registry, lint, codegen\n".utf8))
        exit(2)
    }
}
if json {
    let rows = results.map { result in
        "{\"name\":\"\(result.name)\",\"seconds\":\(result.secondsPerIteration),\"items\":\(result.itemsPerIteration),\"bytes\":\(result.bytesPerIteration)}"
    }
    print("[" + rows.joined(separator: ",") + "]")
    exit(0)
}
for result in results {
    let milliseconds = result.secondsPerIteration * 1000
    print(
        result.name.padding(toLength: 56, withPad: " ", startingAt: 0)
            + String(
                format: "%10.3f ms  %12.0f items/s  %8.1f MB/s", milliseconds, result.itemsPerSecond,
                result.megabytesPerSecond))
}
