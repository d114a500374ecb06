// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that the main package's dependency graph stays lean.
// Always run them in release: `swift run -c release --package-path Benchmarks avro-bench`.
let package = Package(
    name: "swift-avro-benchmarks",
    dependencies: [
        .package(name: "swift-avro", path: "..")
    ],
    targets: [
        // Models generated at build time from the shared workload's order.avsc by the build plugin.
        .target(
            name: "BenchModels", dependencies: [.product(name: "Avro", package: "swift-avro")],
            plugins: [.plugin(name: "AvroCodegenPlugin", package: "swift-avro")]),
        .executableTarget(
            name: "avro-bench",
            dependencies: [
                .product(name: "Avro", package: "swift-avro"),
                .product(name: "AvroContainer", package: "swift-avro"),
                .product(name: "AvroLibavro", package: "swift-avro"),
                .product(name: "AvroLint", package: "swift-avro"),
                .product(name: "AvroCodegen", package: "swift-avro"),
                .product(name: "AvroRegistry", package: "swift-avro"),
                "BenchModels",
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
