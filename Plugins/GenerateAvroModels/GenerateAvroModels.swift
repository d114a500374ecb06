import Foundation
import PackagePlugin

/// Writes generated models into the source tree:
/// `swift package --allow-writing-to-package-directory generate-avro-models [--input schemas] [--output codegen]`.
/// A `swift-avro.json` in the input directory configures the generator.
@main
struct GenerateAvroModels: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let root = context.package.directoryURL
        let input = root.appendingPathComponent(extractor.extractOption(named: "input").last ?? "schemas")
        let output = root.appendingPathComponent(extractor.extractOption(named: "output").last ?? "codegen")
        let schemas = try FileManager.default.contentsOfDirectory(atPath: input.path).filter { $0.hasSuffix(".avsc") }
            .sorted().map { input.appendingPathComponent($0).path }
        let process = Process()
        process.executableURL = try context.tool(named: "swift-avro-codegen").url
        // Relative names keep the generated headers the same wherever the package is checked out.
        process.currentDirectoryURL = input
        let config = input.appendingPathComponent("swift-avro.json")
        let configArguments =
            FileManager.default.fileExists(atPath: config.path) ? ["--config", config.lastPathComponent] : []
        process.arguments =
            ["generate", "--output", output.path] + configArguments
            + schemas.map { URL(fileURLWithPath: $0).lastPathComponent }
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("swift-avro generate failed with status \(process.terminationStatus)")
            return
        }
    }
}
