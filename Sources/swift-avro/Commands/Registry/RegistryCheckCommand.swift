import ArgumentParser
import AvroRegistry
import AvroTooling

/// `swift-avro registry check [--subject S] FILES...`
struct RegistryCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check schema files against their subjects at each subject's compatibility level (server-side).",
        discussion: """
            Subjects as for register. Prints "FILE: SUBJECT compatible" (a subject with no version yet: \
            "compatible (new subject)") or "FILE: SUBJECT incompatible" followed by the registry's reasons \
            (verbose=true; the earlier schema's text left out), indented. Exit 1 when any is incompatible.
            """
    )

    @OptionGroup var connection: RegistryClientOptions

    @OptionGroup var inputs: RegistrySchemaFiles

    func run() async throws {
        let entries = try inputs.entries()
        var incompatible = 0
        try await connection.withClient { client in
            for entry in entries {
                let label = "\(entry.file): \(entry.subject)"
                do {
                    _ = try await client.versions(of: entry.subject)
                } catch let error as RegistryError where error.code == 40401 {
                    print("\(label) compatible (new subject)")
                    continue
                }
                let check = try await client.checkCompatibility(entry.schema, subject: entry.subject, verbose: true)
                if check.isCompatible {
                    print("\(label) compatible")
                } else {
                    incompatible += 1
                    print("\(label) incompatible")
                    for reason in RegistryReasons.shown(check.messages) { print("    \(reason)") }
                }
            }
        }
        if incompatible > 0 {
            printError("error: \(incompatible) of \(entries.count) schema(s) incompatible")
            throw ExitCode(1)
        }
    }
}

/// The reasons of a verbose compatibility answer worth printing: Confluent's messages without the
/// `{oldSchema: '…'}` entry (the whole earlier schema; `{oldSchemaVersion: N}` says which it is).
enum RegistryReasons {
    static func shown(_ messages: [String]?) -> [String] {
        (messages ?? []).filter { !$0.hasPrefix("{oldSchema:") }
    }
}
