// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-avro",
    products: [
        .library(name: "Avro", targets: ["Avro"]),
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
        .executableTarget(
            name: "swift-avro",
            dependencies: [
                "Avro",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AvroTests", dependencies: ["Avro"]),
    ],
    swiftLanguageModes: [.v6]
)
