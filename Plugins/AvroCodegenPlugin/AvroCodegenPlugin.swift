import Foundation
import PackagePlugin

/// Generates Swift models from the `.avsc` files of a target at build time, like swift-protobuf's plugin:
/// add `plugins: [.plugin(name: "AvroCodegenPlugin", package: "swift-avro")]` to a target that holds schemas.
/// A `swift-avro.json` among the target's files configures the generator (see `GeneratorOptions`).
@main
struct AvroCodegenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let schemas = target.sourceFiles(withSuffix: "avsc").map(\.url).sorted { $0.path < $1.path }
        guard !schemas.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedSources")
        let config = target.sourceFiles.map(\.url).first { $0.lastPathComponent == "swift-avro.json" }
        return [
            .buildCommand(
                displayName: "Generating Avro models for \(target.name)",
                executable: try context.tool(named: "swift-avro-codegen").url,
                arguments: ["generate", "--output", output.path] + (config.map { ["--config", $0.path] } ?? [])
                    + schemas.map(\.path),
                inputFiles: schemas + (config.map { [$0] } ?? []),
                outputFiles: schemas.map { output.appendingPathComponent(Self.swiftFileName(for: $0)) })
        ]
    }

    /// The file `swift-avro generate` writes for a schema file: `orders-value.avsc` → `OrdersValue.swift`.
    static func swiftFileName(for schema: URL) -> String {
        let stem = schema.deletingPathExtension().lastPathComponent
        return stem.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == " " })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + ".swift"
    }
}
