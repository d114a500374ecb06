import Avro

extension TypeMapper {
    /// A Swift expression of a schema default (its JSON value), or `nil` when Swift cannot spell it exactly (the
    /// initialiser parameter then has no default). What the default means is the Avro library's reading of it
    /// (``Avro/Schema/acceptsDefault(_:)``, ``Avro/AvroValue/init(defaultValue:schema:)``); this only spells it.
    mutating func defaultExpression(_ value: JSONValue, _ schema: Schema, field: String) -> String? {
        if let logical = logicalType(schema) { return Self.defaultExpression(value, logical, schema) }
        switch (schema.kind, value.kind) {
        case (.null, .null): return "Avro.AvroNull()"
        case (.boolean, .bool(let flag)): return flag ? "true" : "false"
        case (.int, .number(let number)), (.long, .number(let number)): return number.isInteger ? number.text : nil
        case (.float, .number(let number)), (.double, .number(let number)):
            return number.text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
                ? number.text : number.text + ".0"
        case (.float, .string(let text)), (.double, .string(let text)):
            let type = schema.kind.isFloat ? "Swift.Float" : "Swift.Double"
            switch text {
            case "NaN": return "\(type)(nan: 0, signaling: false)"
            case "Infinity": return "\(type).infinity"
            case "-Infinity": return "-\(type).infinity"
            default: return nil
            }
        case (.string, .string(let text)): return SwiftNames.stringLiteral(text)
        case (.bytes, .string):
            guard let bytes = Self.defaultBytes(value, schema) else { return nil }
            return Self.bytesLiteral(bytes)
        case (.fixed, .string):
            guard let bytes = Self.defaultBytes(value, schema) else { return nil }
            return ".init(bytes: \(Self.bytesLiteral(bytes)))!"
        case (.enumeration(let enumeration), .string(let symbol)):
            guard let index = enumeration.symbols.firstIndex(of: symbol) else { return nil }
            return "." + SwiftNames.enumCases(enumeration.symbols, keepSymbols: options.enumCases == .symbols)[index]
        case (.array(let items), .array(let elements)):
            var parts: [String] = []
            for element in elements {
                guard let part = defaultExpression(element, items, field: field) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case (.map(let values), .object(let object)):
            if object.members.isEmpty { return "[:]" }
            var parts: [String] = []
            for member in object.members {
                guard let part = defaultExpression(member.value, values, field: field) else { return nil }
                parts.append("\(SwiftNames.stringLiteral(member.key)): \(part)")
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case (.record(let record), .object(let object)):
            var arguments: [String] = []
            var fieldMapper = TypeMapper(naming: naming, options: options, enclosingType: naming.name(of: record))
            for recordField in record.fields {
                guard let fieldValue = object[recordField.name] ?? recordField.defaultValue,
                    let part = fieldMapper.defaultExpression(fieldValue, recordField.type, field: recordField.name)
                else { return nil }
                arguments.append("\(SwiftNames.identifier(recordField.name)): \(part)")
            }
            return ".init(" + arguments.joined(separator: ", ") + ")"
        case (.union(let branches), _):
            if let (inner, _) = Self.optionalInner(schema) {
                return value.kind == .null ? "nil" : defaultExpression(value, inner, field: field)
            }
            if branches.allSatisfy(\.isNull) { return "Avro.AvroNull()" }
            if value.kind == .null, branches.contains(where: \.isNull) { return "nil" }
            // As in Java, the default may match any branch: the first that accepts it.
            let names = caseNames(branches)
            _ = unionName(schema, field: field)
            for (index, branch) in branches.enumerated() where !branch.isNull && branch.acceptsDefault(value) {
                guard let inner = defaultExpression(value, branch, field: field) else { return nil }
                return ".\(names[index])(\(inner))"
            }
            return nil
        default: return nil
        }
    }

    static func defaultExpression(_ value: JSONValue, _ logical: LogicalType, _ schema: Schema) -> String? {
        // Implicit `.init`: the parameter's type gives the context, and the line stays short.
        switch (logical, value.kind) {
        case (.decimal(_, let scale), .string):
            // The exact decimal text reads better than its two's-complement bytes.
            guard let bytes = defaultBytes(value, schema) else { return nil }
            let decimal = AvroDecimal(unscaledBytes: bytes, scale: scale)
            return ".init(\(SwiftNames.stringLiteral(decimal.description)), scale: \(scale))!"
        case (.uuid, .string(let text)):
            guard schema.namedType == nil else {
                guard let bytes = defaultBytes(value, schema) else { return nil }
                return ".init(uuid: (\(bytes.map { "\($0)" }.joined(separator: ", "))))"
            }
            // A default that is not a UUID cannot be a `UUID`: no Swift default then.
            guard isUUID(text) else { return nil }
            return ".init(uuidString: \(SwiftNames.stringLiteral(text)))!"
        case (.date, .number(let number)): return ".init(daysSinceEpoch: \(number.text))"
        case (.timeMillis, .number(let number)), (.timeMicros, .number(let number)):
            return ".init(ticksSinceMidnight: \(number.text))"
        case (.timestampMillis, .number(let number)), (.timestampMicros, .number(let number)),
            (.timestampNanos, .number(let number)), (.localTimestampMillis, .number(let number)),
            (.localTimestampMicros, .number(let number)), (.localTimestampNanos, .number(let number)):
            return ".init(ticksSinceEpoch: \(number.text))"
        case (.duration, .string):
            guard let bytes = defaultBytes(value, schema), let duration = AvroDuration(fixedBytes: bytes) else {
                return nil
            }
            return ".init(months: \(duration.months), days: \(duration.days), "
                + "milliseconds: \(duration.milliseconds))"
        default: return nil
        }
    }

    /// The bytes of a `bytes` or `fixed` default, as the Avro library reads them (ISO-8859-1).
    static func defaultBytes(_ value: JSONValue, _ schema: Schema) -> [UInt8]? {
        switch AvroValue(defaultValue: value, schema: schema) {
        case .bytes(let bytes)?, .fixed(let bytes)?: return bytes
        default: return nil
        }
    }

    static func bytesLiteral(_ bytes: [UInt8]) -> String {
        "[" + bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: ", ") + "]"
    }

    /// Whether `text` is the canonical 8-4-4-4-12 hexadecimal form that `UUID(uuidString:)` accepts.
    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}

extension Schema.Kind {
    var isFloat: Bool {
        if case .float = self { return true }
        return false
    }
}
