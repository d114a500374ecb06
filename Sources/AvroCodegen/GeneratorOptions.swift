import Avro

/// What `swift-avro generate` and the plugins generate, from one configuration file (`swift-avro.json`):
///
/// ```json
/// {
///   "accessLevel": "public",
///   "typePrefix": "",
///   "namespaces": { "com.example.shop.orders": "Orders" },
///   "types": { "com.example.shop.orders.Order": "ShopOrder" },
///   "logicalTypes": true,
///   "enumCases": "lowerCamelCase",
///   "codable": false,
///   "conformances": ["MyModule.Auditable"]
/// }
/// ```
public struct GeneratorOptions: Sendable, Equatable {
    /// The access level of generated declarations: `internal` (the default), `package` or `public`.
    public var accessLevel = "internal"
    /// Prepended to every generated type name (e.g. `Shop` → `ShopOrder`).
    public var typePrefix = ""
    /// Avro namespace → Swift type name prefix, applied to every type of that namespace.
    public var namespaces: [String: String] = [:]
    /// Avro full name → Swift type name, overriding every other naming rule; a schema file's name
    /// (`"orders-value.avsc"`) names the model of its top-level schema when that is no named type (a union).
    public var types: [String: String] = [:]
    /// Whether logical types map to exact Swift types (`UUID`, ``Avro/AvroDecimal``, ``Avro/AvroDate``…); when
    /// false they keep their underlying type (`String`, `[UInt8]`, `Int32`…).
    public var logicalTypes = true
    /// How enum symbols become Swift cases: in lowerCamelCase as the API Design Guidelines ask (`IN_PROGRESS` →
    /// `case inProgress = "IN_PROGRESS"`, the symbol kept as the raw value), or spelled as the symbols are.
    public var enumCases = EnumCaseStyle.lowerCamelCase
    /// Whether generated types also conform to `Codable` (a plain JSON view, not Avro's JSON encoding).
    public var codable = false
    /// Extra protocols every generated record, enum and fixed type declares (the user's module provides them).
    public var conformances: [String] = []

    /// The defaults.
    public init() {}

    /// The spelling of enum cases (`"enumCases"` in the configuration file).
    public enum EnumCaseStyle: String, Sendable, Equatable, CaseIterable {
        /// `inProgress` for `IN_PROGRESS` (the default).
        case lowerCamelCase
        /// `IN_PROGRESS`, as the schema spells it.
        case symbols
    }

    /// A configuration error, with where it is in the file.
    public struct Error: Swift.Error, CustomStringConvertible, LocatedConfigurationError {
        public var message: String
        public var location: SourceLocation
        public var description: String { "\(location): \(message)" }

        package init(message: String, location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    /// Parses a configuration file; unknown keys and wrong types are errors that say where.
    public init(json bytes: [UInt8], file: String) throws(Error) {
        let configuration = try ConfigurationFile<Error>(json: bytes, file: file)
        func identifier(_ value: JSONValue, _ path: JSONPath, allowEmpty: Bool) throws(Error) -> String {
            let text = try configuration.string(value, path)
            guard (allowEmpty && text.isEmpty) || SwiftNames.isIdentifier(text) else {
                throw configuration.fail("\"\(text)\" is not a Swift identifier", value, path)
            }
            return text
        }
        func dictionary(_ value: JSONValue, _ path: JSONPath) throws(Error) -> [String: String] {
            var result: [String: String] = [:]
            for member in try configuration.object(value, path).members {
                result[member.key] = try identifier(member.value, path.appending(member.key), allowEmpty: true)
            }
            return result
        }
        for member in configuration.members {
            let path = JSONPath.root.appending(member.key)
            switch member.key {
            case "accessLevel":
                accessLevel = try configuration.string(member.value, path)
                guard ["public", "package", "internal"].contains(accessLevel) else {
                    throw configuration.fail("accessLevel must be public, package or internal", member.value, path)
                }
            case "typePrefix": typePrefix = try identifier(member.value, path, allowEmpty: true)
            case "namespaces": namespaces = try dictionary(member.value, path)
            case "types": types = try dictionary(member.value, path)
            case "logicalTypes": logicalTypes = try configuration.flag(member.value, path)
            case "codable": codable = try configuration.flag(member.value, path)
            case "enumCases":
                guard let style = EnumCaseStyle(rawValue: try configuration.string(member.value, path)) else {
                    throw configuration.fail("enumCases must be lowerCamelCase or symbols", member.value, path)
                }
                enumCases = style
            case "conformances":
                guard let array = member.value.arrayValue else {
                    throw configuration.fail("expected an array of protocol names", member.value, path)
                }
                conformances = []
                for (index, element) in array.enumerated() {
                    let name = try configuration.string(element, path.appending(index))
                    guard name.split(separator: ".").allSatisfy({ SwiftNames.isIdentifier(String($0)) }) else {
                        throw configuration.fail("\"\(name)\" is not a Swift type name", element, path.appending(index))
                    }
                    conformances.append(name)
                }
            default:
                throw configuration.fail(
                    "unknown key \"\(member.key)\" (known: accessLevel, typePrefix, namespaces, types, "
                        + "logicalTypes, enumCases, codable, conformances)", key: member, path)
            }
        }
    }
}
