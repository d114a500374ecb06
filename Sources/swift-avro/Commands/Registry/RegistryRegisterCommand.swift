import ArgumentParser
import AvroRegistry
import AvroTooling

/// `swift-avro registry register [--subject S] [--normalize] [--dry-run] FILES...`
struct RegistryRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register schema files under their subjects (<topic>-key.avsc → <topic>-key).",
        discussion: """
            The files are parsed as one set; each is sent self-contained (named types from other files inlined). \
            Registering a schema the subject already holds returns its id and version again. Prints \
            "FILE: SUBJECT id ID version VERSION" per file. --dry-run registers nothing and says, per file, \
            whether the subject already holds the schema, would take it as a compatible or incompatible new \
            version (the registry's check at the subject's level, with its reasons), or is a new subject. Exit 1 \
            when the registry refuses a schema or, with --dry-run, one is incompatible.
            """
    )

    @OptionGroup var connection: RegistryClientOptions

    @OptionGroup var inputs: RegistrySchemaFiles

    @Flag(help: "Ask the registry to normalize the schemas (normalize=true).")
    var normalize = false

    @Flag(name: .customLong("dry-run"), help: "Register nothing; say what registering would do.")
    var dryRun = false

    func run() async throws {
        let entries = try inputs.entries()
        var failed = false
        try await connection.withClient { client in
            for entry in entries {
                let label = "\(entry.file): \(entry.subject)"
                do {
                    if dryRun {
                        let outcome = try await preview(entry, client: client)
                        print("\(label) \(outcome.text)")
                        failed = failed || outcome.fails
                    } else {
                        let id = try await client.register(entry.schema, under: entry.subject, normalize: normalize)
                        let version = try await client.lookup(entry.schema, in: entry.subject, normalize: normalize)
                        print("\(label) id \(id) version \(version.version)")
                    }
                } catch let error as RegistryError where [409, 422].contains(error.status) {
                    // This schema is refused (incompatible, invalid, the mode forbids it); the others still go.
                    printError("error: \(label): \(error)")
                    failed = true
                }
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// What registering `entry` would do, and whether that fails the dry run.
    private func preview(_ entry: RegistrySchemaFiles.Entry, client: SchemaRegistryClient) async throws -> (
        text: String, fails: Bool
    ) {
        do {
            let found = try await client.lookup(entry.schema, in: entry.subject, normalize: normalize)
            return ("already registered as version \(found.version) id \(found.id)", false)
        } catch let error as RegistryError where error.code == 40401 {
            return ("new subject", false)
        } catch let error as RegistryError where error.code == 40403 {
            let check = try await client.checkCompatibility(entry.schema, subject: entry.subject, verbose: true)
            if check.isCompatible { return ("new version, compatible", false) }
            let reasons = RegistryReasons.shown(check.messages).joined(separator: "; ")
            return ("new version, incompatible: \(reasons.isEmpty ? "(no reasons given)" : reasons)", true)
        }
    }
}
