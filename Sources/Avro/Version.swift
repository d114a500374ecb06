/// The version of swift-avro, printed by `swift-avro --version` and written into generated files.
public enum SwiftAvroVersion {
    /// The semantic version of this release.
    public static let current = "0.1.0"
}
