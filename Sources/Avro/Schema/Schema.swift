/// One node of a parsed Avro schema: its type, logical type, custom properties and where it was written.
///
/// Named types (records, enums, fixed) are shared reference objects: every place that names a type holds the
/// same definition (``RecordSchema``, ``EnumSchema`` or ``FixedSchema``), which is how recursive schemas are
/// represented.
/// A `Schema` is immutable once the parser returns it.
public struct Schema: Sendable {
    /// The structure of a schema node.
    public indirect enum Kind: Sendable {
        case null
        case boolean
        case int
        case long
        case float
        case double
        case bytes
        case string
        case array(items: Schema)
        case map(values: Schema)
        case union([Schema])
        case record(RecordSchema)
        case enumeration(EnumSchema)
        case fixed(FixedSchema)
    }

    /// The type of this node.
    public var kind: Kind
    /// The valid logical type that annotates this node, if any.
    public var logicalType: LogicalType?
    /// A `logicalType` attribute that the specification says to ignore (unknown or invalid), with the reason.
    public var ignoredLogicalType: IgnoredLogicalType?
    /// Attributes that are not part of the specification, in source order (for named types, see the named type).
    public var properties: JSONObject
    /// Where this node is written; for a reference to a named type, where the name is used.
    public var location: SourceLocation

    /// Creates a schema node.
    public init(
        _ kind: Kind,
        logicalType: LogicalType? = nil,
        ignoredLogicalType: IgnoredLogicalType? = nil,
        properties: JSONObject = JSONObject(),
        location: SourceLocation = .unknown
    ) {
        self.kind = kind
        self.logicalType = logicalType
        self.ignoredLogicalType = ignoredLogicalType
        self.properties = properties
        self.location = location
    }

    /// The primitive type names, which no named type may take.
    package static let primitiveTypeNames: Set<String> = [
        "null", "boolean", "int", "long", "float", "double", "bytes", "string",
    ]

    /// The type name as the specification spells it (`"record"`, `"int"`, ...).
    public var typeName: String {
        switch kind {
        case .null: return "null"
        case .boolean: return "boolean"
        case .int: return "int"
        case .long: return "long"
        case .float: return "float"
        case .double: return "double"
        case .bytes: return "bytes"
        case .string: return "string"
        case .array: return "array"
        case .map: return "map"
        case .union: return "union"
        case .record(let record): return record.isError ? "error" : "record"
        case .enumeration: return "enum"
        case .fixed: return "fixed"
        }
    }

    /// The named type of this node, if it is a record, enum or fixed.
    public var namedType: (any NamedSchema)? {
        switch kind {
        case .record(let record): return record
        case .enumeration(let enumeration): return enumeration
        case .fixed(let fixed): return fixed
        default: return nil
        }
    }

    /// The full name of a named type, or the type name of any other node; how unions tell branches apart.
    public var branchName: String {
        namedType?.name.fullName ?? typeName
    }

    /// The branches if this is a union.
    public var unionBranches: [Schema]? {
        if case .union(let branches) = kind { return branches }
        return nil
    }

    /// Whether this node is `"null"`.
    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }
}

/// A record field.
public struct Field: Sendable {
    /// The sort order of a field.
    public enum Order: String, Sendable, Hashable {
        case ascending, descending, ignore
    }

    /// The name data and readers match fields by (unique in its record, unqualified).
    public var name: String
    /// The schema of the field's values.
    public var type: Schema
    /// The default value as written (validated against ``type``), if any.
    public var defaultValue: JSONValue?
    /// How the field takes part in comparing records of its type (`"order"`; ascending when absent).
    public var order: Order
    /// Alternative names, used when this field's record is the reader.
    public var aliases: [String]
    /// The `"doc"` text, for people; it takes no part in the canonical form or in resolution.
    public var doc: String?
    /// Attributes that are not part of the specification, in source order.
    public var properties: JSONObject
    /// Where the field's object starts.
    public var location: SourceLocation

    /// Creates a field.
    public init(
        name: String, type: Schema, defaultValue: JSONValue? = nil, order: Order = .ascending,
        aliases: [String] = [], doc: String? = nil, properties: JSONObject = JSONObject(),
        location: SourceLocation = .unknown
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.order = order
        self.aliases = aliases
        self.doc = doc
        self.properties = properties
        self.location = location
    }
}
