/// Why a JSON value is not a value of a schema, and where inside the JSON: the error of reading a default.
struct DefaultValueError: Error {
    /// The steps from the default's root to the part that is wrong, outermost first: `element 1`, `key "k"`,
    /// `field "a"`.
    var path: [String] = []
    /// What is wrong with that part.
    var message: String

    /// The path and the message, `element 1: field "a": message`, as the schema parser reports it.
    var description: String { (path + [message]).joined(separator: ": ") }

    /// This error one step further inside.
    func within(_ step: String) -> DefaultValueError {
        var copy = self
        copy.path.insert(step, at: 0)
        return copy
    }
}

extension AvroValue {
    /// The value of a field default (as written in a schema) for `schema`, or `nil` if it does not match.
    ///
    /// Defaults are plain JSON: a union default is the bare value of the first branch it matches, `bytes` and
    /// `fixed` defaults are strings of code points 0–255.
    public init?(defaultValue json: JSONValue, schema: Schema) {
        guard let value = try? Self.reading(default: json, schema) else { return nil }
        self = value
    }

    /// The value that the default `json` gives `schema`: the one reader of defaults, whose rules are the
    /// specification's read the way Apache Avro Java reads them. An `int` default is an integer in 32-bit range,
    /// a `long` one in 64-bit range (checked on the exact source text), `bytes` and `fixed` defaults are strings
    /// of code points 0–255 (ISO-8859-1), an enum default is one of its symbols, a record default gives every
    /// field without a default of its own, and a union default is the value of the first branch it matches.
    ///
    /// With `checkingOnly`, a record field the default leaves out is not filled in from the field's own default
    /// (which is checked where it is written, and may hold the record itself): the value is then only good for
    /// knowing that the default is valid.
    static func reading(
        default json: JSONValue, _ schema: Schema, checkingOnly: Bool = false
    ) throws(DefaultValueError) -> AvroValue {
        switch (schema.kind, json.kind) {
        case (.null, .null): return .null
        case (.boolean, .bool(let flag)): return .boolean(flag)
        case (.int, .number(let number)): return .int(try int(number))
        case (.long, .number(let number)): return .long(try long(number))
        case (.float, .number(let number)):
            guard let value = Float(number.text) else { throw DefaultValueError(message: "invalid number \(number)") }
            return .float(value)
        case (.double, .number(let number)):
            guard let value = Double(number.text) else { throw DefaultValueError(message: "invalid number \(number)") }
            return .double(value)
        case (.float, .string(let text)): return .float(Float(try nonFiniteDefault(text)))
        case (.double, .string(let text)): return .double(try nonFiniteDefault(text))
        case (.string, .string(let text)): return .string(text)
        case (.bytes, .string(let text)):
            guard let bytes = latin1(text) else {
                throw DefaultValueError(
                    message: "bytes defaults are ISO-8859-1 strings: every character must be U+0000–U+00FF")
            }
            return .bytes(bytes)
        case (.fixed(let fixed), .string(let text)):
            guard let bytes = latin1(text) else {
                throw DefaultValueError(
                    message: "fixed defaults are ISO-8859-1 strings: every character must be U+0000–U+00FF")
            }
            guard bytes.count == fixed.size else {
                throw DefaultValueError(message: "expected \(fixed.size) bytes, found \(bytes.count)")
            }
            return .fixed(bytes)
        case (.enumeration(let enumeration), .string(let symbol)):
            return .enumeration(try self.symbol(symbol, of: enumeration))
        case (.array(let items), .array(let elements)):
            var values: [AvroValue] = []
            values.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                do {
                    values.append(try reading(default: element, items, checkingOnly: checkingOnly))
                } catch {
                    throw error.within("element \(index)")
                }
            }
            return .array(values)
        case (.map(let valueSchema), .object(let object)):
            var entries: [(key: String, value: AvroValue)] = []
            entries.reserveCapacity(object.members.count)
            for member in object.members {
                do {
                    entries.append(
                        (member.key, try reading(default: member.value, valueSchema, checkingOnly: checkingOnly)))
                } catch {
                    throw error.within("key \"\(member.key)\"")
                }
            }
            return .map(entries)
        case (.record(let record), .object(let object)):
            var values: [AvroValue] = []
            values.reserveCapacity(record.storage.fields.count)
            for field in record.storage.fields {
                if let fieldJSON = object[field.name] {
                    do {
                        values.append(try reading(default: fieldJSON, field.type, checkingOnly: checkingOnly))
                    } catch {
                        throw error.within("field \"\(field.name)\"")
                    }
                } else if let fieldDefault = field.defaultValue {
                    values.append(checkingOnly ? .null : try reading(default: fieldDefault, field.type))
                } else {
                    throw DefaultValueError(message: "field \"\(field.name)\" is missing and has no default")
                }
            }
            return .record(values)
        case (.union(let branches), _):
            // As in Java, the default may match any branch: the first that accepts it.
            for (index, branch) in branches.enumerated() {
                if let value = try? reading(default: json, branch, checkingOnly: checkingOnly) {
                    return .union(branch: index, value: value)
                }
            }
            let names = branches.map(\.branchName).joined(separator: ", ")
            throw DefaultValueError(
                message: "\(JSONWriter.string(json)) matches no branch of the union [\(names)]")
        default:
            throw DefaultValueError(message: "expected \(expectation(for: schema)), not \(json.kindDescription)")
        }
    }

    private static func nonFiniteDefault(_ text: String) throws(DefaultValueError) -> Double {
        guard let value = nonFinite(text) else {
            throw DefaultValueError(message: "expected a number, not \"\(text)\"")
        }
        return value
    }

    /// What a default for `schema` must be, for the message when it is something else.
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

    // MARK: - Parts shared with the JSON encoding

    /// `number` as an `int`: an integer in 32-bit range.
    static func int(_ number: JSONNumber) throws(DefaultValueError) -> Int32 {
        guard number.isInteger, let value = Int32(number.text) else {
            throw DefaultValueError(message: "\(number) is not a 32-bit integer")
        }
        return value
    }

    /// `number` as a `long`: an integer in 64-bit range, read from its exact text.
    static func long(_ number: JSONNumber) throws(DefaultValueError) -> Int64 {
        guard number.isInteger, let value = Int64(number.text) else {
            throw DefaultValueError(message: "\(number) is not a 64-bit integer")
        }
        return value
    }

    /// `symbol`, when it is one of `enumeration`'s.
    static func symbol(_ symbol: String, of enumeration: EnumSchema) throws(DefaultValueError) -> String {
        guard enumeration.symbols.contains(symbol) else {
            throw DefaultValueError(message: "\"\(symbol)\" is not a symbol of \(enumeration.name)")
        }
        return symbol
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

extension Schema {
    /// Whether `value` is a valid default for this schema (a union's may match any branch, as in Java).
    public func acceptsDefault(_ value: JSONValue) -> Bool {
        defaultProblem(value) == nil
    }

    /// Why `value` is not a valid default for this schema (`element 1: field "a": ...`), or `nil` when it is.
    func defaultProblem(_ value: JSONValue) -> String? {
        do {
            _ = try AvroValue.reading(default: value, self, checkingOnly: true)
            return nil
        } catch {
            return error.description
        }
    }
}
