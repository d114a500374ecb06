import ArgumentParser
import AvroRegistry

/// `swift-avro registry delete SUBJECT [--version V] [--permanent]`
struct RegistryDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a subject, or one version of it; prints the versions deleted, one per line.",
        discussion: """
            Deletes are soft (the versions stay readable with deleted=true) unless --permanent, which the registry \
            allows only after a soft delete.
            """
    )

    @OptionGroup var connection: RegistryClientOptions

    @Option(help: ArgumentHelp("Delete only this version (a number, or latest).", valueName: "version"))
    var version: String?

    @Flag(help: "Delete for good (after a soft delete).")
    var permanent = false

    @Argument(help: "The subject.")
    var subject: String

    func validate() throws {
        if let version { _ = try RegistryVersionArgument.parse(version) }
    }

    func run() async throws {
        try await connection.withClient { client in
            if let version {
                let spec = try RegistryVersionArgument.parse(version)
                print(try await client.deleteVersion(spec, of: subject, permanent: permanent))
            } else {
                for version in try await client.deleteSubject(subject, permanent: permanent) { print(version) }
            }
        }
    }
}
