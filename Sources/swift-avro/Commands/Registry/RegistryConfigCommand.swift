import ArgumentParser
import Avro
import AvroRegistry

/// `swift-avro registry config [--subject S] [--set LEVEL]`
struct RegistryConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print or set the compatibility level, global or of one subject.",
        discussion: """
            For a subject without a level of its own, prints the global level. --set sets the level (of the \
            subject, or the global one) and prints it.
            """
    )

    @OptionGroup var connection: RegistryClientOptions

    @Option(help: "The subject (default: the global level).")
    var subject: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.",
            valueName: "level"))
    var newLevel: CompatibilityLevel?

    func run() async throws {
        try await connection.withClient { client in
            if let newLevel {
                try await client.setCompatibility(newLevel, subject: subject)
                print(newLevel.rawValue)
            } else {
                print(try await client.compatibility(subject: subject, defaultToGlobal: subject != nil).rawValue)
            }
        }
    }
}
