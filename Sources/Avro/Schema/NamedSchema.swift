/// A record, enum or fixed: a type with a full name, aliases and documentation.
public protocol NamedSchema: AnyObject, Sendable {
    /// The full name.
    var name: SchemaName { get }
    /// Alternative full names (resolved against this type's namespace).
    var aliases: [SchemaName] { get }
    /// Documentation.
    var doc: String? { get }
    /// Attributes that are not part of the specification, in source order.
    var properties: JSONObject { get }
    /// Where the type is defined.
    var location: SourceLocation { get }
}

/// A record (or `error`) type.
///
/// Fields are assigned once while the parser builds the schema (a recursive record refers to itself), and
/// never changed after the parser returns, which is why the class can be shared across threads.
public final class RecordSchema: NamedSchema, @unchecked Sendable {
    public let name: SchemaName
    public let aliases: [SchemaName]
    public let doc: String?
    public let properties: JSONObject
    public let location: SourceLocation
    /// Whether it was declared with `"type": "error"` (protocol errors).
    public let isError: Bool
    /// The fields in declaration order.
    public internal(set) var fields: [Field]

    /// Creates a record type.
    public init(
        name: SchemaName, aliases: [SchemaName] = [], doc: String? = nil, isError: Bool = false,
        fields: [Field] = [], properties: JSONObject = JSONObject(),
        location: SourceLocation = SourceLocation(file: "", position: .unknown, path: .root)
    ) {
        self.name = name
        self.aliases = aliases
        self.doc = doc
        self.isError = isError
        self.fields = fields
        self.properties = properties
        self.location = location
    }

    /// The field named `name`, if any.
    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }
}

/// An enum type.
public final class EnumSchema: NamedSchema {
    public let name: SchemaName
    public let aliases: [SchemaName]
    public let doc: String?
    public let properties: JSONObject
    public let location: SourceLocation
    /// The symbols in declaration order.
    public let symbols: [String]
    /// The symbol a reader uses for a writer symbol it does not know.
    public let defaultSymbol: String?

    /// Creates an enum type.
    public init(
        name: SchemaName, aliases: [SchemaName] = [], doc: String? = nil, symbols: [String],
        defaultSymbol: String? = nil, properties: JSONObject = JSONObject(),
        location: SourceLocation = SourceLocation(file: "", position: .unknown, path: .root)
    ) {
        self.name = name
        self.aliases = aliases
        self.doc = doc
        self.symbols = symbols
        self.defaultSymbol = defaultSymbol
        self.properties = properties
        self.location = location
    }
}

/// A fixed-size byte string type.
public final class FixedSchema: NamedSchema {
    public let name: SchemaName
    public let aliases: [SchemaName]
    public let doc: String?
    public let properties: JSONObject
    public let location: SourceLocation
    /// The number of bytes.
    public let size: Int
    /// The valid logical type of the fixed (decimal, uuid, duration), if any.
    public let logicalType: LogicalType?
    /// An ignored `logicalType` attribute, if any.
    public let ignoredLogicalType: IgnoredLogicalType?

    /// Creates a fixed type.
    public init(
        name: SchemaName, aliases: [SchemaName] = [], doc: String? = nil, size: Int,
        logicalType: LogicalType? = nil, ignoredLogicalType: IgnoredLogicalType? = nil,
        properties: JSONObject = JSONObject(),
        location: SourceLocation = SourceLocation(file: "", position: .unknown, path: .root)
    ) {
        self.name = name
        self.aliases = aliases
        self.doc = doc
        self.size = size
        self.logicalType = logicalType
        self.ignoredLogicalType = ignoredLogicalType
        self.properties = properties
        self.location = location
    }
}
