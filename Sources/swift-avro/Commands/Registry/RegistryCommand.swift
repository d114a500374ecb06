import ArgumentParser

/// `swift-avro registry`: the embedded Schema Registry.
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "The embedded Confluent-compatible Schema Registry.",
        subcommands: [RegistryServeCommand.self]
    )
}
