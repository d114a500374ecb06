import ArgumentParser
import AvroRegistry

/// `swift-avro registry subjects [--prefix P] [--deleted]`
struct RegistrySubjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subjects",
        abstract: "List the registry's subjects, one per line."
    )

    @OptionGroup var connection: RegistryClientOptions

    @Option(help: "Only subjects that start with this prefix.")
    var prefix: String?

    @Flag(help: "Include soft-deleted subjects.")
    var deleted = false

    func run() async throws {
        try await connection.withClient { client in
            for subject in try await client.subjects(prefix: prefix, deleted: deleted) { print(subject) }
        }
    }
}
