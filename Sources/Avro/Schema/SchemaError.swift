/// Why a schema is invalid, and where.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule of the specification (or of JSON) that the schema breaks; a stable identifier.
    public enum Rule: String, Sendable, Hashable {
        case json = "json-syntax"
        case missingAttribute = "missing-attribute"
        case attributeType = "attribute-type"
        case unknownType = "unknown-type"
        case invalidName = "invalid-name"
        case invalidNamespace = "invalid-namespace"
        case redefinedName = "redefined-name"
        case primitiveName = "primitive-name"
        case duplicateField = "duplicate-field"
        case duplicateSymbol = "duplicate-symbol"
        case invalidSymbol = "invalid-symbol"
        case enumDefault = "enum-default"
        case fixedSize = "fixed-size"
        case invalidDefault = "invalid-default"
        case invalidOrder = "invalid-order"
        case unionBranches = "union-branches"
        case fileDependency = "file-dependency"
    }

    /// What is wrong, in words.
    public var message: String
    /// Where: file, line and column, and the JSON path.
    public var location: SourceLocation
    /// Which rule of the specification the schema breaks, stable for tools to match on.
    public var rule: Rule

    /// Creates an error.
    public init(_ message: String, at location: SourceLocation, rule: Rule) {
        self.message = message
        self.location = location
        self.rule = rule
    }

    /// `FILE:LINE:COL: message (at PATH) [rule]`.
    public var description: String {
        let path = location.path.components.isEmpty ? "" : " (at \(location.path))"
        return "\(location): \(message)\(path) [\(rule.rawValue)]"
    }
}
