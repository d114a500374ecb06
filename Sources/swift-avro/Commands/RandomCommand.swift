import ArgumentParser
import Avro
import AvroTooling

/// `swift-avro random --schema FILE [--count N] [--seed S]`
struct RandomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "random",
        abstract: "Print seeded random values of a schema as Avro JSON lines (sample and test data)."
    )

    @OptionGroup var schemaOptions: SchemaOptions

    @Option(help: "How many values.")
    var count = 10

    @Option(help: "The seed: the same seed gives the same values.")
    var seed: UInt64 = 42

    @Option(name: .customLong("max-depth"), help: "How deep recursive schemas go.")
    var maxDepth = 4

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be 0 or more, not \(count)") }
        guard maxDepth >= 0 else { throw ValidationError("--max-depth must be 0 or more, not \(maxDepth)") }
    }

    func run() throws {
        let schema = try schemaOptions.load(schemaOptions.schema)
        var generator = SeededRandom(seed: seed)
        var output = ""
        for _ in 0..<count {
            let value: AvroValue
            do {
                value = try AvroValue.random(for: schema, using: &generator, maxDepth: maxDepth)
            } catch {
                printError("\(schemaOptions.schema): \(error)")
                throw ExitCode(1)
            }
            output += try AvroJSONEncoding.encode(value, schema: schema) + "\n"
        }
        print(output, terminator: "")
    }
}
