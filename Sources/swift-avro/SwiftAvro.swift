import ArgumentParser
import Avro
import AvroTooling

/// The `swift-avro` command: one tool for every capability of the toolkit.
///
/// Exit codes: 0 success, 1 when the input is invalid or incompatible (the command says why), 2 for usage
/// errors (unknown options, missing files).
@main
struct SwiftAvro: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swift-avro",
        abstract: "Avro schemas, data and tooling for Swift teams on Kafka.",
        version: SwiftAvroVersion.current,
        subcommands: [
            ValidateCommand.self, CanonicalCommand.self, FingerprintCommand.self, EncodeCommand.self,
            DecodeCommand.self,
            RandomCommand.self, CatCommand.self, WriteCommand.self, CompatCommand.self, LintCommand.self,
            GenerateCommand.self, RegistryCommand.self,
        ]
    )

    static func main() async {
        await runExitingWithUsageCode()
    }
}
