import ArgumentParser

/// `swift-avro registry`: the embedded Schema Registry, and a client of any Confluent-compatible one.
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "The embedded Confluent-compatible Schema Registry, and a client of any such registry.",
        discussion: """
            The client commands take the registry with --url (default: $SCHEMA_REGISTRY_URL; several URLs, \
            comma-separated, fail over in order) and retry network errors, timeouts, 408, 429 and 5xx. Exit 0 on \
            success, 1 when the registry refuses, cannot be reached, or finds a schema incompatible or drifted, \
            2 for usage errors.
            """,
        subcommands: [
            RegistryServeCommand.self, RegistrySubjectsCommand.self, RegistryVersionsCommand.self,
            RegistryGetCommand.self, RegistryRegisterCommand.self, RegistryCheckCommand.self,
            RegistryVerifyCommand.self, RegistryConfigCommand.self, RegistryDeleteCommand.self,
        ]
    )
}
