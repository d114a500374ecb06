extension Schema {
    /// The specification's Parsing Canonical Form: full names, only the attributes that affect parsing
    /// (`name`, `type`, `fields`, `symbols`, `items`, `values`, `size`) in that order, no logical types, no
    /// whitespace, and each named type written in full at its first occurrence and by full name afterwards.
    public var canonicalForm: String {
        var output = ""
        var seen: Set<ObjectIdentifier> = []
        writeCanonical(to: &output, seen: &seen)
        return output
    }

    private func writeCanonical(to output: inout String, seen: inout Set<ObjectIdentifier>) {
        switch kind {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            output += "\""
            output += typeName
            output += "\""
        case .array(let items):
            output += "{\"type\":\"array\",\"items\":"
            items.writeCanonical(to: &output, seen: &seen)
            output += "}"
        case .map(let values):
            output += "{\"type\":\"map\",\"values\":"
            values.writeCanonical(to: &output, seen: &seen)
            output += "}"
        case .union(let branches):
            output += "["
            for (index, branch) in branches.enumerated() {
                if index > 0 { output += "," }
                branch.writeCanonical(to: &output, seen: &seen)
            }
            output += "]"
        case .record(let record):
            guard writeNameOnce(record, to: &output, seen: &seen) else { return }
            output += ",\"type\":\"record\",\"fields\":["
            for (index, field) in record.storage.fields.enumerated() {
                if index > 0 { output += "," }
                output += "{\"name\":"
                JSONWriter.writeString(field.name, to: &output)
                output += ",\"type\":"
                field.type.writeCanonical(to: &output, seen: &seen)
                output += "}"
            }
            output += "]}"
        case .enumeration(let enumeration):
            guard writeNameOnce(enumeration, to: &output, seen: &seen) else { return }
            output += ",\"type\":\"enum\",\"symbols\":["
            for (index, symbol) in enumeration.symbols.enumerated() {
                if index > 0 { output += "," }
                JSONWriter.writeString(symbol, to: &output)
            }
            output += "]}"
        case .fixed(let fixed):
            guard writeNameOnce(fixed, to: &output, seen: &seen) else { return }
            output += ",\"type\":\"fixed\",\"size\":\(fixed.size)}"
        }
    }

    /// Writes `"fullname"` for a type seen before (returns false), or opens its definition (returns true).
    private func writeNameOnce(
        _ named: any NamedSchema, to output: inout String, seen: inout Set<ObjectIdentifier>
    ) -> Bool {
        let firstTime = seen.insert(named.id).inserted
        if !firstTime {
            JSONWriter.writeString(named.name.fullName, to: &output)
            return false
        }
        output += "{\"name\":"
        JSONWriter.writeString(named.name.fullName, to: &output)
        return true
    }
}
