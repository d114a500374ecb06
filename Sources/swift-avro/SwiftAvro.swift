import ArgumentParser
import Avro

/// The `swift-avro` command: one tool for every capability of the toolkit.
@main
struct SwiftAvro: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swift-avro",
        abstract: "Avro schemas, data and tooling for Swift teams on Kafka.",
        version: SwiftAvroVersion.current,
        subcommands: [
            ValidateCommand.self, CanonicalCommand.self, FingerprintCommand.self, EncodeCommand.self,
            DecodeCommand.self,
            RandomCommand.self, CatCommand.self, WriteCommand.self, CompatCommand.self,
        ]
    )
}
