// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-avro",
    products: [
        .library(name: "Avro", targets: ["Avro"]),
        .library(name: "AvroContainer", targets: ["AvroContainer"]),
        .library(name: "AvroLint", targets: ["AvroLint"]),
        .library(name: "AvroCodegen", targets: ["AvroCodegen"]),
        .library(name: "AvroRegistry", targets: ["AvroRegistry"]),
        .library(name: "AvroRegistryServer", targets: ["AvroRegistryServer"]),
        // Apache Avro C as a peer for interop tests and benchmarks; apps do not need it.
        .library(name: "AvroLibavro", targets: ["AvroLibavro"]),
        .executable(name: "swift-avro", targets: ["swift-avro"]),
        .executable(name: "swift-avro-codegen", targets: ["swift-avro-codegen"]),
        .plugin(name: "AvroCodegenPlugin", targets: ["AvroCodegenPlugin"]),
        .plugin(name: "GenerateAvroModels", targets: ["GenerateAvroModels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // The embedded registry server only: HTTP, SQLite, metrics, bcrypt.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        // Documentation only: `swift package generate-documentation --target Avro` (plugins build when invoked).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
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
        // The Schema Registry's API (Confluent's shapes and error codes) and its semantics over a storage protocol,
        // shared by the embedded server, the client and the in-memory registry.
        .target(
            name: "AvroRegistry",
            dependencies: [
                "Avro", "CCurl", "CCurlShim", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"), .product(name: "Metrics", package: "swift-metrics"),
            ]),
        // libcurl, the registry client's HTTP transport, and typed wrappers over its variadic setopt/getinfo.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        // `swift-avro registry serve`: the Confluent-compatible REST server on SQLite.
        .target(
            name: "AvroRegistryServer",
            dependencies: [
                "Avro", "AvroRegistry", "AvroLint",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The models generated from schemas/ (`swift-avro generate --output codegen schemas/*.avsc`); a test fails
        // when they are stale.
        .target(name: "ShopModels", dependencies: ["Avro"], path: "codegen"),
        // Version 2 of the orders value schema (evolution/orders-v2: a new optional field), a module of its own so
        // the demo uses v1 and v2 `Order` side by side. The build plugin generates its models at build time, so they
        // cannot go stale; evolution/ stays out of schemas/, which the tools read recursively as one set.
        .target(
            name: "ShopModelsV2", dependencies: ["Avro"], path: "evolution/orders-v2",
            plugins: [.plugin(name: "AvroCodegenPlugin")]),
        // The demo's app side: the generated models producing and consuming Confluent-framed orders through the
        // registry serializers (v2 written, read as v1 and v2) and a container file.
        .executableTarget(
            name: "shop-demo", dependencies: ["Avro", "AvroContainer", "AvroRegistry", "ShopModels", "ShopModelsV2"],
            path: "Examples/ShopDemo"),
        .systemLibrary(name: "CAvro", pkgConfig: "avro-c", providers: [.apt(["libavro-dev"])]),
        .target(name: "AvroLibavro", dependencies: ["Avro", "CAvro"]),
        // What the command-line tools (and the tests) share: schema inputs, the `generate` command, exit codes, hex
        // text, seeded random values.
        .target(
            name: "AvroTooling",
            dependencies: ["Avro", "AvroCodegen", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The plugins' tool: `generate` alone, so building it does not build the registry server's dependencies.
        .executableTarget(name: "swift-avro-codegen", dependencies: ["Avro", "AvroTooling"]),
        .executableTarget(
            name: "swift-avro",
            dependencies: [
                "Avro",
                "AvroTooling",
                "AvroContainer",
                "AvroLint",
                "AvroCodegen",
                "AvroRegistryServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "AvroTestSupport", dependencies: ["Avro"], path: "Tests/AvroTestSupport"),
        .testTarget(name: "AvroTests", dependencies: ["Avro", "AvroTestSupport", "AvroTooling"]),
        .testTarget(name: "AvroToolingTests", dependencies: ["Avro", "AvroTooling"]),
        .testTarget(name: "AvroContainerTests", dependencies: ["AvroContainer"]),
        .testTarget(name: "AvroLintTests", dependencies: ["AvroLint", "AvroTestSupport"]),
        .plugin(name: "AvroCodegenPlugin", capability: .buildTool(), dependencies: ["swift-avro-codegen"]),
        .plugin(
            name: "GenerateAvroModels",
            capability: .command(
                intent: .custom(
                    verb: "generate-avro-models", description: "Write Swift models generated from .avsc files"),
                permissions: [.writeToPackageDirectory(reason: "writes the generated Swift models")]),
            dependencies: ["swift-avro-codegen"]),
        // An example target whose .avsc files the build plugin turns into Swift models at build time.
        .target(
            name: "PluginExample", dependencies: ["Avro"], path: "Examples/PluginExample",
            plugins: [.plugin(name: "AvroCodegenPlugin")]),
        .testTarget(name: "PluginExampleTests", dependencies: ["PluginExample"]),
        // Torture schemas (keywords, equal short names, wide unions, recursion, deep nesting, every logical type)
        // generated by the build plugin at build time: compiling them is half the test.
        .testTarget(
            name: "CodegenTortureTests", dependencies: ["Avro", "AvroTestSupport", "AvroTooling"],
            plugins: [.plugin(name: "AvroCodegenPlugin")]),
        .testTarget(
            name: "AvroCodegenTests", dependencies: ["AvroCodegen", "ShopModels", "AvroTestSupport", "AvroTooling"]),
        .testTarget(name: "AvroRegistryTests", dependencies: ["AvroRegistry", "AvroTestSupport"]),
        .testTarget(
            name: "AvroRegistryServerTests",
            dependencies: ["AvroRegistryServer", "AvroRegistry", "ShopModels", "AvroTestSupport", "AvroTooling"]),
        .testTarget(
            name: "AvroLibavroInteropTests",
            dependencies: ["Avro", "AvroContainer", "AvroLibavro", "AvroTestSupport", "AvroTooling", "CAvro"]),
    ],
    swiftLanguageModes: [.v6]
)
