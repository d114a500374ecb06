/// One reason a reader schema cannot read data of a writer schema, with the place in both schemas.
public struct Incompatibility: Sendable, Hashable, CustomStringConvertible {
    /// The kind, named as Apache Avro Java names it (shared with ``ResolutionError``).
    public var kind: ResolutionError.Kind
    /// What is wrong, for a person.
    public var message: String
    /// Where in the reader schema.
    public var readerLocation: SourceLocation
    /// Where in the writer schema.
    public var writerLocation: SourceLocation

    public var description: String {
        "\(kind.rawValue): \(message) (reader at \(readerLocation.path), writer at \(writerLocation.path))"
    }
}

/// Checks that only `strict` mode makes: changes Apache Avro Java lets through but that break users.
public enum StrictKind: String, Sendable {
    case decimalChanged = "DECIMAL_PRECISION_OR_SCALE_CHANGED"
    case logicalTypeChanged = "LOGICAL_TYPE_CHANGED"
    case namespaceChanged = "NAMESPACE_CHANGED"
    case keySchemaChanged = "KEY_SCHEMA_CHANGED"
}
