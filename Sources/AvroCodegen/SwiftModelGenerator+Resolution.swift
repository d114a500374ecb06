import Avro

extension SwiftModelGenerator {
    /// The record's reader of data written with another record schema: each field the writer wrote is read by the
    /// same expression as in the record's own decoder, in whatever order ``Avro/AvroRecordResolution`` hands the
    /// fields over (the writer's, then the defaults of fields it lacks), into locals that become the properties.
    func resolvingDecoder(
        fields: [Field], properties: [String], types: [String], mapper: inout TypeMapper
    ) -> [String] {
        guard !fields.isEmpty else { return [] }
        let locals = Self.localNames(properties)
        var lines = [
            "",
            "    \(access)init(",
            "        avroDecoding reader: inout Avro.AvroBinaryReader, resolving resolution: Avro.AvroRecordResolution",
            "    ) throws(Avro.AvroCodingError) {",
        ]
        // An optional property starts as `nil` (a double optional would swallow a decoded `nil`); the others are
        // checked at the end, although a valid resolution reads or defaults every field.
        let optional = types.map { $0.hasSuffix("?") }
        for (index, local) in locals.enumerated() {
            let type = types[index] + (optional[index] ? " = nil" : "?")
            let line = "        var \(local): \(type)"
            // Wrapped as swift format wraps a declaration too long for one line: after the colon.
            lines += line.utf8.count <= Layout.width ? [line] : ["        var \(local):", "            \(type)"]
        }
        lines.append("        try resolution.readFields(&reader) { (reader, field) throws(Avro.AvroCodingError) in")
        lines.append("            switch field {")
        for (index, field) in fields.enumerated() {
            lines.append("            case \(index):")
            lines += Layout.assignment(locals[index], mapper.decode(field.type, field: field.name), indent: 4)
        }
        lines.append("            default: break")
        lines.append("            }")
        lines.append("        }")
        for (index, property) in properties.enumerated() {
            if optional[index] {
                lines += Layout.assignment("self.\(property)", [locals[index]], indent: 2)
                continue
            }
            lines += Self.filledAssignment(property, locals[index])
        }
        lines.append("    }")
        return lines
    }

    /// `self.property = try resolution.filled(local)`, wrapped as swift format wraps it when too long for a line.
    static func filledAssignment(_ property: String, _ local: String) -> [String] {
        let target = "        self.\(property) ="
        let call = "try resolution.filled("
        let fits = { (line: String) in line.utf8.count <= Layout.width }
        if fits("\(target) \(call)\(local))") { return ["\(target) \(call)\(local))"] }
        if fits("\(target) \(call)") { return ["\(target) \(call)", "            \(local))"] }
        if fits("            \(call)\(local))") { return [target, "            \(call)\(local))"] }
        return [target, "            \(call)", "                \(local))"]
    }

    /// The locals of the resolving reader: the property names, except where one would shadow the closure's
    /// parameters or, starting with a capital, a type the file defines; those become `fieldName`.
    static func localNames(_ properties: [String]) -> [String] {
        let taken: Set<String> = ["reader", "field", "resolution"]
        var locals: [String] = []
        var used = Set<String>()
        for property in properties {
            let bare = String(property.filter { $0 != "`" })
            var local = property
            if taken.contains(bare) || bare.first?.isUppercase == true {
                local = "field" + SwiftNames.upperFirst(bare)
            }
            while used.contains(local) || (local != property && properties.contains(local)) { local += "_" }
            used.insert(local)
            locals.append(local)
        }
        return locals
    }
}
