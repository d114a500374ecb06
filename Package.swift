// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-avro",
    products: [
        .library(name: "Avro", targets: ["Avro"]),
        .library(name: "AvroContainer", targets: ["AvroContainer"]),
        .library(name: "AvroLint", targets: ["AvroLint"]),
        .library(name: "AvroCodegen", targets: ["AvroCodegen"]),
        // Apache Avro C as a peer for interop tests and benchmarks; apps do not need it.
        .library(name: "AvroLibavro", targets: ["AvroLibavro"]),
        .executable(name: "swift-avro", targets: ["swift-avro"]),
        .plugin(name: "AvroCodegenPlugin", targets: ["AvroCodegenPlugin"]),
        .plugin(name: "GenerateAvroModels", targets: ["GenerateAvroModels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .target(
            name: "Avro",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Object container files and their codecs; the C compression libraries stay out of the core.
        .target(name: "AvroContainer", dependencies: ["Avro", "CZlib", "CSnappy", "CZstd"]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .target(name: "AvroLint", dependencies: ["Avro"]),
        .target(name: "AvroCodegen", dependencies: ["Avro"]),
        // The models generated from schemas/ (`swift-avro generate --output codegen schemas/*.avsc`); a test fails
        // when they are stale.
        .target(name: "ShopModels", dependencies: ["Avro"], path: "codegen"),
        .systemLibrary(name: "CAvro", pkgConfig: "avro-c", providers: [.apt(["libavro-dev"])]),
        .target(name: "AvroLibavro", dependencies: ["Avro", "CAvro"]),
        .executableTarget(
            name: "swift-avro",
            dependencies: [
                "Avro",
                "AvroContainer",
                "AvroLint",
                "AvroCodegen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "AvroTestSupport", dependencies: ["Avro"], path: "Tests/AvroTestSupport"),
        .testTarget(name: "AvroTests", dependencies: ["Avro", "AvroTestSupport"]),
        .testTarget(name: "AvroContainerTests", dependencies: ["AvroContainer"]),
        .testTarget(name: "AvroLintTests", dependencies: ["AvroLint", "AvroTestSupport"]),
        .plugin(name: "AvroCodegenPlugin", capability: .buildTool(), dependencies: ["swift-avro"]),
        .plugin(
            name: "GenerateAvroModels",
            capability: .command(
                intent: .custom(verb: "generate-avro-models", description: "Write Swift models generated from .avsc files"),
                permissions: [.writeToPackageDirectory(reason: "writes the generated Swift models")]),
            dependencies: ["swift-avro"]),
        // An example target whose .avsc files the build plugin turns into Swift models at build time.
        .target(
            name: "PluginExample", dependencies: ["Avro"], path: "Examples/PluginExample",
            plugins: [.plugin(name: "AvroCodegenPlugin")]),
        .testTarget(name: "PluginExampleTests", dependencies: ["PluginExample"]),
        .testTarget(name: "AvroCodegenTests", dependencies: ["AvroCodegen", "ShopModels", "AvroTestSupport"]),
        .testTarget(name: "AvroLibavroInteropTests", dependencies: ["Avro", "AvroContainer", "AvroLibavro", "AvroTestSupport", "CAvro"]),
    ],
    swiftLanguageModes: [.v6]
)
