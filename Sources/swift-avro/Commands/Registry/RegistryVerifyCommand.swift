import ArgumentParser
import AvroRegistry
import AvroTooling

/// `swift-avro registry verify [--subject S] [--registered] FILES...`
struct RegistryVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the registry holds the schema files (drift check for CI).",
        discussion: """
            Subjects as for register. Each schema's normalized form must be the latest version of its subject \
            (with --registered: any version). Prints "FILE: SUBJECT ok (version V)" or "FILE: SUBJECT drifted: \
            WHY" (subject missing; not registered; registered as version V but latest is W). Exit 1 when any \
            drifted.
            """
    )

    @OptionGroup var connection: RegistryClientOptions

    @OptionGroup var inputs: RegistrySchemaFiles

    @Flag(help: "Accept any registered version, not only the latest.")
    var registered = false

    func run() async throws {
        let entries = try inputs.entries()
        var drifted: [String] = []
        try await connection.withClient { client in
            for entry in entries {
                let label = "\(entry.file): \(entry.subject)"
                let found: SubjectSchema
                do {
                    found = try await client.lookup(entry.schema, in: entry.subject, normalize: true)
                } catch let error as RegistryError where [40401, 40403].contains(error.code) {
                    var why = error.code == 40401 ? "subject missing" : "not registered"
                    if error.code == 40403, let latest = try await client.versions(of: entry.subject).max() {
                        why += " (latest is version \(latest))"
                    }
                    print("\(label) drifted: \(why)")
                    drifted.append(entry.file)
                    continue
                }
                if !registered, let latest = try await client.versions(of: entry.subject).max(),
                    latest != found.version
                {
                    print("\(label) drifted: registered as version \(found.version) but latest is \(latest)")
                    drifted.append(entry.file)
                    continue
                }
                print("\(label) ok (version \(found.version))")
            }
        }
        if !drifted.isEmpty {
            printError("error: drifted from the registry: \(drifted.joined(separator: ", "))")
            throw ExitCode(1)
        }
    }
}
