import ArgumentParser
import Avro
import AvroTooling

/// `swift-avro-codegen generate …`: the `generate` command alone, for the build and command plugins.
///
/// The plugins build their tool for the host before anything else; this one links only the core and the
/// generator, so a package using the plugin does not build the registry server, HTTP and SQLite first.
@main
struct SwiftAvroCodegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swift-avro-codegen",
        abstract: "Generate Swift models from Avro schema files (the build plugins' tool; see swift-avro generate).",
        version: SwiftAvroVersion.current,
        subcommands: [GenerateCommand.self]
    )

    static func main() async {
        await runExitingWithUsageCode()
    }
}
