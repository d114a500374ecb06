import ArgumentParser
import AvroRegistry
import Foundation

/// `swift-avro registry get (--id N | --subject S [--version V]) [--json]`
struct RegistryGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print a schema by global id, or a subject's version.",
        discussion: """
            Prints the schema's JSON text as the registry holds it; with --json, the registry's whole answer \
            (for a subject's version: subject, version, id, schema and any references).
            """
    )

    @OptionGroup var connection: RegistryClientOptions

    @Option(help: "The schema's global id.")
    var id: Int?

    @Option(help: "The subject.")
    var subject: String?

    @Option(help: ArgumentHelp("A version number, or latest (the default); with --subject.", valueName: "version"))
    var version: String?

    @Flag(help: "Print the registry's whole answer as JSON.")
    var json = false

    func validate() throws {
        if (id == nil) == (subject == nil) { throw ValidationError("give either --id N or --subject SUBJECT") }
        if version != nil && subject == nil { throw ValidationError("--version goes with --subject") }
        if let version { _ = try RegistryVersionArgument.parse(version) }
    }

    func run() async throws {
        try await connection.withClient { client in
            if let id {
                let schema = try await client.schema(id: id)
                print(json ? try Self.json(schema) : schema.schema)
            } else if let subject {
                let spec = try version.map(RegistryVersionArgument.parse) ?? .latest
                let schema = try await client.version(spec, of: subject)
                print(json ? try Self.json(schema) : schema.schema)
            }
        }
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A `--version` argument: a number in 1…2³¹−1 or `latest`.
enum RegistryVersionArgument {
    static func parse(_ text: String) throws -> VersionSpec {
        do {
            return try VersionSpec(parsing: text)
        } catch {
            throw ValidationError("--version takes a number from 1 or latest, not \(text)")
        }
    }
}
