import ArgumentParser
import AvroRegistry

/// `swift-avro registry versions SUBJECT [--deleted]`
struct RegistryVersionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List a subject's version numbers, one per line."
    )

    @OptionGroup var connection: RegistryClientOptions

    @Flag(help: "Include soft-deleted versions.")
    var deleted = false

    @Argument(help: "The subject.")
    var subject: String

    func run() async throws {
        try await connection.withClient { client in
            for version in try await client.versions(of: subject, deleted: deleted) { print(version) }
        }
    }
}
