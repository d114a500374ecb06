import Foundation

// avro-bench [schema] [--shared PATH]: runs the benchmarks and prints one line per measurement.
var arguments = Array(CommandLine.arguments.dropFirst())
var shared = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("../shared")
if let index = arguments.firstIndex(of: "--shared"), index + 1 < arguments.count {
    shared = URL(fileURLWithPath: arguments[index + 1])
    arguments.removeSubrange(index...index + 1)
}
let suites = arguments.isEmpty ? ["schema"] : arguments

var results: [Measurement] = []
for suite in suites {
    switch suite {
    case "schema": results += try SchemaBenchmarks.run(shared: shared)
    case "schema-phases": results += try SchemaBenchmarks.phases(shared: shared)
    default:
        FileHandle.standardError.write(Data("unknown suite \(suite); suites: schema\n".utf8))
        exit(2)
    }
}
for result in results {
    let milliseconds = result.secondsPerIteration * 1000
    print(
        result.name.padding(toLength: 56, withPad: " ", startingAt: 0)
            + String(format: "%10.3f ms  %10.1f MB/s", milliseconds, result.megabytesPerSecond))
}
