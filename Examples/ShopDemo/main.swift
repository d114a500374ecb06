// The demo's app side (step 5 of scripts/demo): the models generated from schemas/ (ShopModels, version 1) and from
// evolution/orders-v2 (ShopModelsV2) in a producer and consumers on the embedded registry, and container files.
//
//   shop-demo pipeline --registry URL [--count N] [--file PATH] [--codec CODEC] [--seed S]
//   shop-demo write-container PATH [--count N] [--codec CODEC] [--seed S]
//   shop-demo read-container PATH [--seed S]
import AvroContainer
import Foundation

let usage = """
    usage: shop-demo pipeline --registry URL [--count N] [--file PATH] [--codec CODEC] [--seed S]
           shop-demo write-container PATH [--count N] [--codec CODEC] [--seed S]
           shop-demo read-container PATH [--seed S]
    """

/// The command's words: the subcommand, positional arguments, and `--name value` options.
struct Arguments {
    var command = ""
    var positional: [String] = []
    var options: [String: String] = [:]

    init(_ words: [String]) throws {
        var words = words[...]
        guard let command = words.popFirst() else { throw DemoFailure(usage) }
        self.command = command
        while let word = words.popFirst() {
            if word.hasPrefix("--") {
                guard let value = words.popFirst() else { throw DemoFailure("\(word) needs a value\n\(usage)") }
                options[String(word.dropFirst(2))] = value
            } else {
                positional.append(word)
            }
        }
    }

    func integer(_ name: String, default value: Int) throws -> Int {
        guard let text = options[name] else { return value }
        guard let number = Int(text.replacingOccurrences(of: "_", with: "")), number > 0 else {
            throw DemoFailure("--\(name) must be a positive integer")
        }
        return number
    }

    func codec(default value: ContainerCodec) throws -> ContainerCodec {
        guard let name = options["codec"] else { return value }
        guard let codec = ContainerCodec(rawValue: name) else { throw DemoFailure("unknown codec \(name)") }
        return codec
    }

    func path() throws -> String {
        guard positional.count == 1 else { throw DemoFailure(usage) }
        return positional[0]
    }
}

do {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    let seed = UInt64(try arguments.integer("seed", default: 2026))
    switch arguments.command {
    case "pipeline":
        guard let registry = arguments.options["registry"] else { throw DemoFailure(usage) }
        let pipeline = Pipeline(
            registry: registry, count: try arguments.integer("count", default: 1_000_000),
            file: arguments.options["file"] ?? "orders-v2.avro", codec: try arguments.codec(default: .zstandard),
            seed: seed)
        try await pipeline.run()
    case "write-container":
        try writeContainer(
            path: try arguments.path(), count: try arguments.integer("count", default: 1_000_000),
            codec: try arguments.codec(default: .null), seed: seed)
    case "read-container":
        try readContainer(path: try arguments.path(), seed: seed)
    default:
        throw DemoFailure(usage)
    }
} catch {
    FileHandle.standardError.write(Data("shop-demo: \(error)\n".utf8))
    exit(1)
}
