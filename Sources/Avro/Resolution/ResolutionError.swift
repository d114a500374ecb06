/// Why data written with one schema cannot be read with another, and where in each schema.
public struct ResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of incompatibility, named as Apache Avro Java's `SchemaCompatibility` names them.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case nameMismatch = "NAME_MISMATCH"
        case fixedSizeMismatch = "FIXED_SIZE_MISMATCH"
        case missingEnumSymbols = "MISSING_ENUM_SYMBOLS"
        case readerFieldMissingDefaultValue = "READER_FIELD_MISSING_DEFAULT_VALUE"
        case typeMismatch = "TYPE_MISMATCH"
        case missingUnionBranch = "MISSING_UNION_BRANCH"
    }

    /// Which incompatibility it is, as Apache Avro Java reports it (the raw value is Java's name).
    public var kind: Kind
    /// What is wrong, for a person.
    public var message: String
    /// Where in the writer schema.
    public var writerLocation: SourceLocation
    /// Where in the reader schema.
    public var readerLocation: SourceLocation

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, writer: SourceLocation, reader: SourceLocation) {
        self.kind = kind
        self.message = message
        writerLocation = writer
        readerLocation = reader
    }

    public var description: String {
        "\(kind.rawValue): \(message) (reader \(readerLocation) at \(readerLocation.path), writer \(writerLocation) at \(writerLocation.path))"
    }
}
