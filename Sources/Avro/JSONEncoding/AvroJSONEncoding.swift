/// The Avro JSON encoding of the specification, both ways.
///
/// Unions are `null` or `{"branch": value}` (a named branch by its full name), `bytes` and `fixed` are strings
/// whose code points 0–255 are the bytes (ISO-8859-1), enums are their symbol, maps and records are objects.
/// Non-finite floats and doubles, which JSON cannot spell as numbers, are the strings `"NaN"`, `"Infinity"`
/// and `"-Infinity"` both ways (the spelling Avro uses for such defaults). When decoding, a record field that
/// is missing takes its schema default.
public enum AvroJSONEncoding {
    /// The JSON text of `value` read with `schema`.
    public static func encode(_ value: AvroValue, schema: Schema) throws(AvroCodingError) -> String {
        var output = ""
        try write(value, schema, &output)
        return output
    }

    /// The value that the JSON `text` holds for `schema`.
    public static func decode(_ text: String, schema: Schema) throws(AvroCodingError) -> AvroValue {
        let json: JSONValue
        do {
            json = try JSONParser().parse(text)
        } catch {
            throw AvroCodingError(.schemaMismatch, "invalid JSON at \(error.position): \(error.message)")
        }
        return try decode(json, schema: schema)
    }

    /// The value that `json` holds for `schema`.
    public static func decode(_ json: JSONValue, schema: Schema) throws(AvroCodingError) -> AvroValue {
        try read(json, schema)
    }

    // MARK: - Encoding

    private static func write(_ value: AvroValue, _ schema: Schema, _ output: inout String) throws(AvroCodingError) {
        func mismatch() -> AvroCodingError {
            AvroCodingError(.schemaMismatch, "expected \(schema.branchName), found \(value.caseName)")
        }
        switch (schema.kind, value) {
        case (.null, .null): output += "null"
        case (.boolean, .boolean(let flag)): output += flag ? "true" : "false"
        case (.int, .int(let number)): output += String(number)
        case (.long, .long(let number)): output += String(number)
        case (.float, .float(let number)): writeFloatingPoint(Double(number), finite: number.description, &output)
        case (.double, .double(let number)): writeFloatingPoint(number, finite: number.description, &output)
        case (.string, .string(let text)): JSONWriter.writeString(text, to: &output)
        case (.bytes, .bytes(let bytes)): writeLatin1(bytes, &output)
        case (.fixed(let fixed), .fixed(let bytes)):
            guard bytes.count == fixed.size else {
                throw AvroCodingError(.schemaMismatch, "expected \(fixed.size) bytes of fixed, found \(bytes.count)")
            }
            writeLatin1(bytes, &output)
        case (.enumeration(let enumeration), .enumeration(let symbol)):
            guard enumeration.symbols.contains(symbol) else {
                throw AvroCodingError(.schemaMismatch, "\"\(symbol)\" is not a symbol of \(enumeration.name)")
            }
            JSONWriter.writeString(symbol, to: &output)
        case (.array(let items), .array(let values)):
            output += "["
            for (index, item) in values.enumerated() {
                if index > 0 { output += "," }
                try catching("[\(index)]") { () throws(AvroCodingError) in try write(item, items, &output) }
            }
            output += "]"
        case (.map(let valueSchema), .map(let entries)):
            output += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { output += "," }
                JSONWriter.writeString(entry.key, to: &output)
                output += ":"
                try catching("[\"\(entry.key)\"]") { () throws(AvroCodingError) in
                    try write(entry.value, valueSchema, &output)
                }
            }
            output += "}"
        case (.record(let record), .record(let values)):
            let fields = record.storage.fields
            guard fields.count == values.count else {
                throw AvroCodingError(.schemaMismatch, "expected \(fields.count) record fields, found \(values.count)")
            }
            output += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { output += "," }
                JSONWriter.writeString(field.name, to: &output)
                output += ":"
                try catching(field.name) { () throws(AvroCodingError) in try write(values[index], field.type, &output) }
            }
            output += "}"
        case (.union(let branches), .union(let index, let inner)):
            guard index >= 0, index < branches.count else {
                throw AvroCodingError(.invalidIndex, "union branch \(index) out of range 0..<\(branches.count)")
            }
            let branch = branches[index]
            if branch.isNull {
                try write(inner, branch, &output)
            } else {
                output += "{"
                JSONWriter.writeString(branch.branchName, to: &output)
                output += ":"
                try write(inner, branch, &output)
                output += "}"
            }
        default:
            throw mismatch()
        }
    }

    private static func writeFloatingPoint(_ value: Double, finite: String, _ output: inout String) {
        if value.isNaN {
            output += "\"NaN\""
        } else if value.isInfinite {
            output += value > 0 ? "\"Infinity\"" : "\"-Infinity\""
        } else {
            output += finite
        }
    }

    private static func writeLatin1(_ bytes: [UInt8], _ output: inout String) {
        var text = ""
        text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        JSONWriter.writeString(text, to: &output)
    }

    // MARK: - Decoding

    private static func read(_ json: JSONValue, _ schema: Schema) throws(AvroCodingError) -> AvroValue {
        func mismatch(_ expected: String) -> AvroCodingError {
            AvroCodingError(.schemaMismatch, "expected \(expected), found \(json.kindDescription)")
        }
        switch schema.kind {
        case .null:
            guard case .null = json.kind else { throw mismatch("null") }
            return .null
        case .boolean:
            guard case .bool(let flag) = json.kind else { throw mismatch("true or false") }
            return .boolean(flag)
        case .int:
            guard let number = json.numberValue else { throw mismatch("an int") }
            return .int(try converting { () throws(DefaultValueError) in try AvroValue.int(number) })
        case .long:
            guard let number = json.numberValue else { throw mismatch("a long") }
            return .long(try converting { () throws(DefaultValueError) in try AvroValue.long(number) })
        case .float:
            return .float(Float(try floatingPoint(json, "a float")))
        case .double:
            return .double(try floatingPoint(json, "a double"))
        case .string:
            guard let text = json.stringValue else { throw mismatch("a string") }
            return .string(text)
        case .bytes:
            guard let text = json.stringValue else { throw mismatch("a string of bytes") }
            guard let bytes = AvroValue.latin1(text) else {
                throw AvroCodingError(
                    .schemaMismatch, "bytes are ISO-8859-1 strings: every character must be U+0000–U+00FF")
            }
            return .bytes(bytes)
        case .fixed(let fixed):
            guard let text = json.stringValue else { throw mismatch("a string of \(fixed.size) bytes") }
            guard let bytes = AvroValue.latin1(text), bytes.count == fixed.size else {
                throw AvroCodingError(.schemaMismatch, "expected \(fixed.size) ISO-8859-1 characters for \(fixed.name)")
            }
            return .fixed(bytes)
        case .enumeration(let enumeration):
            guard let symbol = json.stringValue else { throw mismatch("a symbol of \(enumeration.name)") }
            return .enumeration(
                try converting { () throws(DefaultValueError) in try AvroValue.symbol(symbol, of: enumeration) })
        case .array(let items):
            guard let elements = json.arrayValue else { throw mismatch("an array") }
            var values: [AvroValue] = []
            values.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                values.append(try catching("[\(index)]") { () throws(AvroCodingError) in try read(element, items) })
            }
            return .array(values)
        case .map(let valueSchema):
            guard let object = json.objectValue else { throw mismatch("an object (map)") }
            var entries: [(key: String, value: AvroValue)] = []
            entries.reserveCapacity(object.members.count)
            for member in object.members {
                entries.append(
                    (
                        member.key,
                        try catching("[\"\(member.key)\"]") { () throws(AvroCodingError) in
                            try read(member.value, valueSchema)
                        }
                    ))
            }
            return .map(entries)
        case .record(let record):
            guard let object = json.objectValue else { throw mismatch("an object (record \(record.name))") }
            let fields = record.storage.fields
            for member in object.members where !fields.contains(where: { $0.name == member.key }) {
                throw AvroCodingError(.schemaMismatch, "record \(record.name) has no field \"\(member.key)\"")
            }
            var values: [AvroValue] = []
            values.reserveCapacity(fields.count)
            for field in fields {
                if let fieldJSON = object[field.name] {
                    values.append(
                        try catching(field.name) { () throws(AvroCodingError) in try read(fieldJSON, field.type) })
                } else if let defaultJSON = field.defaultValue,
                    let value = AvroValue(defaultValue: defaultJSON, schema: field.type)
                {
                    values.append(value)
                } else {
                    throw AvroCodingError(.schemaMismatch, "missing field \"\(field.name)\" (it has no default)")
                }
            }
            return .record(values)
        case .union(let branches):
            if case .null = json.kind, let index = branches.firstIndex(where: \.isNull) {
                return .union(branch: index, value: .null)
            }
            guard let object = json.objectValue, object.members.count == 1, let member = object.members.first else {
                let names = branches.map(\.branchName).joined(separator: ", ")
                throw AvroCodingError(
                    .schemaMismatch,
                    "expected null or {\"branch\": value} for the union [\(names)], found \(json.kindDescription)")
            }
            let index =
                branches.firstIndex { $0.branchName == member.key }
                ?? branches.firstIndex { $0.namedType?.name.name == member.key }
            guard let index else {
                let names = branches.map(\.branchName).joined(separator: ", ")
                throw AvroCodingError(.schemaMismatch, "\"\(member.key)\" is not a branch of the union [\(names)]")
            }
            return .union(
                branch: index,
                value: try catching(member.key) { () throws(AvroCodingError) in try read(member.value, branches[index])
                })
        }
    }

    /// The result of `body`, which reads a part of a value by the rules it shares with defaults.
    private static func converting<Result>(
        _ body: () throws(DefaultValueError) -> Result
    ) throws(AvroCodingError) -> Result {
        do {
            return try body()
        } catch {
            throw AvroCodingError(.schemaMismatch, error.description)
        }
    }

    private static func floatingPoint(_ json: JSONValue, _ expected: String) throws(AvroCodingError) -> Double {
        switch json.kind {
        case .number(let number):
            guard let value = Double(number.text) else {
                throw AvroCodingError(.schemaMismatch, "invalid number \(number)")
            }
            return value
        case .string(let text):
            guard let value = AvroValue.nonFinite(text) else {
                throw AvroCodingError(.schemaMismatch, "expected \(expected), found the string \"\(text)\"")
            }
            return value
        default:
            throw AvroCodingError(.schemaMismatch, "expected \(expected), found \(json.kindDescription)")
        }
    }
}
