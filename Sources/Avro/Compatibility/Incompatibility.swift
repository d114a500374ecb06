/// One reason a reader schema cannot read data of a writer schema, with the place in both schemas.
public struct Incompatibility: Sendable, Hashable, CustomStringConvertible {
    /// The kind, named as Apache Avro Java names it (shared with ``ResolutionError``).
    public var kind: ResolutionError.Kind
    /// What is wrong, for a person. A strict finding's message starts with its ``StrictKind`` tag
    /// (`[NAMESPACE_CHANGED] ...`), as ``StrictKind/tagged(_:)`` writes it.
    public var message: String
    /// The strict rule this finding comes from, or `nil` for an incompatibility Apache Avro Java reports too.
    public var strictKind: StrictKind?
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

    /// `text` with this kind's tag in front, `[KIND] text`: how a strict finding is printed.
    public func tagged(_ text: String) -> String {
        "[\(rawValue)] \(text)"
    }
}
