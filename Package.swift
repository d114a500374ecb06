// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-avro",
    products: [
        .library(name: "Avro", targets: ["Avro"]),
        .library(name: "AvroContainer", targets: ["AvroContainer"]),
        .executable(name: "swift-avro", targets: ["swift-avro"]),
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
        .executableTarget(
            name: "swift-avro",
            dependencies: [
                "Avro",
                "AvroContainer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AvroTests", dependencies: ["Avro"]),
        .testTarget(name: "AvroContainerTests", dependencies: ["AvroContainer"]),
    ],
    swiftLanguageModes: [.v6]
)
