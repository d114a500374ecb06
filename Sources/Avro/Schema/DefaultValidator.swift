/// Checks a field's default value against the field's type.
///
/// The rules are the specification's, read the way Apache Avro Java reads them: an `int` default is an
/// integer in 32-bit range, a `long` one in 64-bit range (checked on the exact source text), `bytes` and
/// `fixed` defaults are strings of code points 0–255 (ISO-8859-1), an enum default is one of its symbols, a
/// record default gives every field without a default of its own, and a union default may match any branch.
enum DefaultValidator {
    /// Why `value` is not a valid default for `schema`, or `nil` when it is.
    static func problem(with value: JSONValue, for schema: Schema) -> String? {
        switch (schema.kind, value.kind) {
        case (.null, .null): return nil
        case (.boolean, .bool): return nil
        case (.int, .number(let number)):
            return number.isInteger && Int32(number.text) != nil ? nil : "\(number) is not a 32-bit integer"
        case (.long, .number(let number)):
            return number.isInteger && Int64(number.text) != nil ? nil : "\(number) is not a 64-bit integer"
        case (.float, .number), (.double, .number): return nil
        case (.float, .string(let text)), (.double, .string(let text)):
            return ["NaN", "Infinity", "-Infinity"].contains(text) ? nil : "expected a number, not \"\(text)\""
        case (.string, .string): return nil
        case (.bytes, .string(let text)):
            return text.unicodeScalars.allSatisfy { $0.value <= 0xFF }
                ? nil : "bytes defaults are ISO-8859-1 strings: every character must be U+0000–U+00FF"
        case (.fixed(let fixed), .string(let text)):
            guard text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else {
                return "fixed defaults are ISO-8859-1 strings: every character must be U+0000–U+00FF"
            }
            let count = text.unicodeScalars.count
            return count == fixed.size ? nil : "expected \(fixed.size) bytes, found \(count)"
        case (.enumeration(let enumeration), .string(let symbol)):
            return enumeration.symbols.contains(symbol) ? nil : "\"\(symbol)\" is not a symbol of \(enumeration.name)"
        case (.array(let items), .array(let elements)):
            for (index, element) in elements.enumerated() {
                if let problem = problem(with: element, for: items) { return "element \(index): \(problem)" }
            }
            return nil
        case (.map(let values), .object(let object)):
            for member in object.members {
                if let problem = problem(with: member.value, for: values) { return "key \"\(member.key)\": \(problem)" }
            }
            return nil
        case (.record(let record), .object(let object)):
            for field in record.storage.fields {
                if let fieldValue = object[field.name] {
                    if let problem = problem(with: fieldValue, for: field.type) {
                        return "field \"\(field.name)\": \(problem)"
                    }
                } else if field.defaultValue == nil {
                    return "field \"\(field.name)\" is missing and has no default"
                }
            }
            return nil
        case (.union(let branches), _):
            if branches.contains(where: { problem(with: value, for: $0) == nil }) { return nil }
            let names = branches.map(\.branchName).joined(separator: ", ")
            return "\(JSONWriter.string(value)) matches no branch of the union [\(names)]"
        default:
            return "expected \(expectation(for: schema)), not \(value.kindDescription)"
        }
    }

    private static func expectation(for schema: Schema) -> String {
        switch schema.kind {
        case .null: return "null"
        case .boolean: return "true or false"
        case .int, .long, .float, .double: return "a number"
        case .bytes, .string, .fixed, .enumeration: return "a string"
        case .array: return "an array"
        case .map, .record: return "an object"
        case .union: return "a value of one branch"
        }
    }
}

extension Schema {
    /// Whether `value` is a valid default for this schema (a union's may match any branch, as in Java).
    public func acceptsDefault(_ value: JSONValue) -> Bool {
        DefaultValidator.problem(with: value, for: self) == nil
    }
}
