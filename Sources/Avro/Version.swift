/// The version of swift-avro, printed by `swift-avro --version` and written into generated files.
package enum SwiftAvroVersion {
    /// The semantic version of this release.
    package static let current = "0.1.0"
}
