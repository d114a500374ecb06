extension AvroValue {
    /// The value of a field default (as written in a schema) for `schema`, or `nil` if it does not match.
    ///
    /// Defaults are plain JSON: a union default is the bare value of the first branch it matches, `bytes` and
    /// `fixed` defaults are strings of code points 0–255.
    public init?(defaultValue json: JSONValue, schema: Schema) {
        switch (schema.kind, json.kind) {
        case (.null, .null): self = .null
        case (.boolean, .bool(let flag)): self = .boolean(flag)
        case (.int, .number(let number)):
            guard number.isInteger, let value = Int32(number.text) else { return nil }
            self = .int(value)
        case (.long, .number(let number)):
            guard number.isInteger, let value = Int64(number.text) else { return nil }
            self = .long(value)
        case (.float, .number(let number)):
            guard let value = Float(number.text) else { return nil }
            self = .float(value)
        case (.double, .number(let number)):
            guard let value = Double(number.text) else { return nil }
            self = .double(value)
        case (.float, .string(let text)):
            guard let value = Self.nonFinite(text) else { return nil }
            self = .float(Float(value))
        case (.double, .string(let text)):
            guard let value = Self.nonFinite(text) else { return nil }
            self = .double(value)
        case (.string, .string(let text)): self = .string(text)
        case (.bytes, .string(let text)):
            guard let bytes = Self.latin1(text) else { return nil }
            self = .bytes(bytes)
        case (.fixed(let fixed), .string(let text)):
            guard let bytes = Self.latin1(text), bytes.count == fixed.size else { return nil }
            self = .fixed(bytes)
        case (.enumeration(let enumeration), .string(let symbol)):
            guard enumeration.symbols.contains(symbol) else { return nil }
            self = .enumeration(symbol)
        case (.array(let items), .array(let elements)):
            var values: [AvroValue] = []
            for element in elements {
                guard let value = AvroValue(defaultValue: element, schema: items) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case (.map(let valueSchema), .object(let object)):
            var entries: [(key: String, value: AvroValue)] = []
            for member in object.members {
                guard let value = AvroValue(defaultValue: member.value, schema: valueSchema) else { return nil }
                entries.append((member.key, value))
            }
            self = .map(entries)
        case (.record(let record), .object(let object)):
            var values: [AvroValue] = []
            for field in record.storage.fields {
                guard let fieldJSON = object[field.name] ?? field.defaultValue,
                    let value = AvroValue(defaultValue: fieldJSON, schema: field.type)
                else { return nil }
                values.append(value)
            }
            self = .record(values)
        case (.union(let branches), _):
            for (index, branch) in branches.enumerated() {
                if let value = AvroValue(defaultValue: json, schema: branch) {
                    self = .union(branch: index, value: value)
                    return
                }
            }
            return nil
        default:
            return nil
        }
    }

    /// `NaN`, `Infinity` and `-Infinity`, the spellings of non-finite numbers in defaults and the JSON encoding.
    static func nonFinite(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return nil
        }
    }

    /// The ISO-8859-1 bytes of `text`, or `nil` if a character is above U+00FF.
    static func latin1(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }
}
