// swift-tools-version: 6.1
import PackageDescription

// The libFuzzer target lives in its own package: it has no `main` and only links with `-sanitize=fuzzer`.
// Run it with `bash scripts/fuzz SECONDS`.
let package = Package(
    name: "swift-avro-fuzz",
    dependencies: [.package(name: "swift-avro", path: "..")],
    targets: [
        .executableTarget(
            name: "AvroFuzz",
            dependencies: [
                .product(name: "Avro", package: "swift-avro"),
                .product(name: "AvroContainer", package: "swift-avro"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
