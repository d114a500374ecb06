/// A JSON value as read from a schema file, with the position of its first character.
///
/// Numbers keep their source text so that no default value loses precision (a `long` default of
/// `9223372036854775807` stays exact). Equality compares values only and ignores positions.
public struct JSONValue: Sendable, Hashable {
    /// The value itself.
    public var kind: Kind
    /// Where the value starts in its source text (``SourcePosition/unknown`` when built in code).
    public var position: SourcePosition

    /// The kinds of JSON values.
    public enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([JSONValue])
        case object(JSONObject)
    }

    /// Creates a value.
    public init(_ kind: Kind, position: SourcePosition = .unknown) {
        self.kind = kind
        self.position = position
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.kind == rhs.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = kind { return value }
        return nil
    }

    /// The object, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let value) = kind { return value }
        return nil
    }

    /// The array, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = kind { return value }
        return nil
    }

    /// The number, if this is a number.
    public var numberValue: JSONNumber? {
        if case .number(let value) = kind { return value }
        return nil
    }

    /// A short name of the kind for error messages ("a string", "an object", ...).
    package var kindDescription: String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON number kept as its exact source text.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written, e.g. `-12`, `2.5e3`.
    public let text: String

    /// Creates a number from JSON number text; the caller guarantees the JSON number grammar.
    public init(text: String) {
        self.text = text
    }

    /// Creates a number from an integer.
    public init(_ value: Int64) {
        self.text = String(value)
    }

    /// Whether the text has no fraction and no exponent.
    public var isInteger: Bool {
        !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    /// The value as an `Int64` when it is an integer literal in range; `nil` otherwise.
    ///
    /// Integral literals written with an exponent or a zero fraction (`1e3`, `2.0`) count as integers, as
    /// Jackson's `canConvertToLong` does for Java.
    public var int64Value: Int64? {
        if isInteger { return Int64(text) }
        guard let double = Double(text), double.rounded() == double, abs(double) < 9.2e18 else { return nil }
        return Int64(double)
    }

    /// The value as a `Double` (rounded to the nearest representable value).
    public var doubleValue: Double? { Double(text) }

    public var description: String { text }
}

/// A JSON object that keeps its members in source order.
public struct JSONObject: Sendable, Hashable {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        /// The member's name, unescaped (unique within its object: the parser rejects duplicate keys).
        public var key: String
        /// Where the key starts.
        public var keyPosition: SourcePosition
        /// What the key maps to, with its own position.
        public var value: JSONValue

        /// Creates a member.
        public init(key: String, keyPosition: SourcePosition = .unknown, value: JSONValue) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    /// The members in source order; keys are unique.
    public var members: [Member]

    /// Creates an object.
    public init(members: [Member] = []) {
        self.members = members
    }

    /// The value for `key`, if present.
    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// The member for `key`, if present.
    public func member(_ key: String) -> Member? {
        members.first { $0.key == key }
    }

    /// The keys in source order.
    public var keys: [String] { members.map(\.key) }
}
