/// A record, enum or fixed: a type with a full name, aliases and documentation.
public protocol NamedSchema: Sendable {
    /// The identity of the definition: equal for every use of the same named type.
    var id: ObjectIdentifier { get }
    /// The name the type is defined and referred to by, with its namespace.
    var name: SchemaName { get }
    /// Alternative full names (resolved against this type's namespace).
    var aliases: [SchemaName] { get }
    /// The `"doc"` text, for people; it takes no part in the canonical form or in resolution.
    var doc: String? { get }
    /// Attributes that are not part of the specification, in source order.
    var properties: JSONObject { get }
    /// Where the type is defined.
    var location: SourceLocation { get }
}

/// A record (or `error`) type.
///
/// Records are the only types that can refer to themselves, so their storage is owned by the schema set they
/// were parsed in rather than by the nodes that refer to them: a recursive schema forms no reference cycle and
/// is freed with the last ``Schema`` or ``RecordSchema`` value that uses it. Values handed out by the API keep
/// that owner alive. Two `RecordSchema` values are equal when they are the same definition.
public struct RecordSchema: NamedSchema, Hashable, @unchecked Sendable {
    // Not retained: the owner (or, while parsing, the parser) keeps the storage alive.
    unowned(unsafe) let storage: RecordStorage
    let owner: SchemaOwner?

    init(storage: RecordStorage, owner: SchemaOwner?) {
        self.storage = storage
        self.owner = owner
    }

    /// Creates a record type in code. (A record built in code cannot refer to itself.)
    public init(
        name: SchemaName, aliases: [SchemaName] = [], doc: String? = nil, isError: Bool = false,
        fields: [Field] = [], properties: JSONObject = JSONObject(),
        location: SourceLocation = .unknown
    ) {
        let storage = RecordStorage(
            name: name, aliases: aliases, doc: doc, isError: isError, properties: properties, location: location)
        storage.fields = fields
        self.init(storage: storage, owner: SchemaOwner(records: [storage]))
    }

    public var name: SchemaName { storage.name }
    public var aliases: [SchemaName] { storage.aliases }
    public var doc: String? { storage.doc }
    public var properties: JSONObject { storage.properties }
    public var location: SourceLocation { storage.location }
    public var id: ObjectIdentifier { ObjectIdentifier(storage) }
    /// Whether it was declared with `"type": "error"` (protocol errors).
    public var isError: Bool { storage.isError }

    /// The fields in declaration order.
    public var fields: [Field] {
        guard let owner else { return storage.fields }
        return storage.fields.map { field in
            var field = field
            field.type = field.type.owned(by: owner)
            return field
        }
    }

    /// The field named `name`, if any.
    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }

    public static func == (lhs: RecordSchema, rhs: RecordSchema) -> Bool { lhs.storage === rhs.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(storage)) }
}

/// The data of a record definition. Fields are assigned once while the parser builds the schema and never
/// changed after the parser returns, which is why the class can be shared across threads.
final class RecordStorage: @unchecked Sendable {
    let name: SchemaName
    let aliases: [SchemaName]
    let doc: String?
    let properties: JSONObject
    let location: SourceLocation
    let isError: Bool
    var fields: [Field] = []

    init(
        name: SchemaName, aliases: [SchemaName], doc: String?, isError: Bool, properties: JSONObject,
        location: SourceLocation
    ) {
        self.name = name
        self.aliases = aliases
        self.doc = doc
        self.isError = isError
        self.properties = properties
        self.location = location
    }
}

/// Keeps the records of one parsed schema set alive for as long as any value that uses them.
final class SchemaOwner: Sendable {
    let records: [RecordStorage]

    init(records: [RecordStorage]) {
        self.records = records
    }
}

extension Schema {
    /// This node with `owner` attached to every record it reaches without going through record fields
    /// (those get it when read through ``RecordSchema/fields``).
    func owned(by owner: SchemaOwner) -> Schema {
        var copy = self
        switch kind {
        case .array(let items): copy.kind = .array(items: items.owned(by: owner))
        case .map(let values): copy.kind = .map(values: values.owned(by: owner))
        case .union(let branches): copy.kind = .union(branches.map { $0.owned(by: owner) })
        case .record(let record) where record.owner == nil:
            copy.kind = .record(RecordSchema(storage: record.storage, owner: owner))
        default: break
        }
        return copy
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
    public var id: ObjectIdentifier { ObjectIdentifier(self) }
    /// The symbol a reader uses for a writer symbol it does not know.
    public let defaultSymbol: String?

    /// Creates an enum type.
    public init(
        name: SchemaName, aliases: [SchemaName] = [], doc: String? = nil, symbols: [String],
        defaultSymbol: String? = nil, properties: JSONObject = JSONObject(),
        location: SourceLocation = .unknown
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
    public var id: ObjectIdentifier { ObjectIdentifier(self) }
    /// The valid logical type of the fixed (decimal, uuid, duration), if any.
    public let logicalType: LogicalType?
    /// An ignored `logicalType` attribute, if any.
    public let ignoredLogicalType: IgnoredLogicalType?

    /// Creates a fixed type.
    public init(
        name: SchemaName, aliases: [SchemaName] = [], doc: String? = nil, size: Int,
        logicalType: LogicalType? = nil, ignoredLogicalType: IgnoredLogicalType? = nil,
        properties: JSONObject = JSONObject(),
        location: SourceLocation = .unknown
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
