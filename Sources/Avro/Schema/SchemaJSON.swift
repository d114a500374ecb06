extension Schema {
    /// The complete schema as compact JSON: every attribute kept (docs, aliases, defaults, logical types,
    /// custom properties), each named type written in full where it first occurs and by full name afterwards.
    ///
    /// This is the text to register or embed; ``canonicalForm`` is the one to compare or fingerprint.
    public var jsonText: String {
        var output = ""
        var seen: Set<ObjectIdentifier> = []
        JSONWriter.write(json(seen: &seen, namespace: nil), to: &output)
        return output
    }

    /// The complete schema as compact JSON, with the named types of `external` (defined elsewhere, such as the
    /// types a registry reference brings) written by full name rather than in full.
    package func jsonText(referencing external: [any NamedSchema]) -> String {
        var output = ""
        var seen = Set(external.map(\.id))
        JSONWriter.write(json(seen: &seen, namespace: nil), to: &output)
        return output
    }

    /// The complete schema as a JSON value (see ``jsonText``).
    public var json: JSONValue {
        var seen: Set<ObjectIdentifier> = []
        return json(seen: &seen, namespace: nil)
    }

    private func json(seen: inout Set<ObjectIdentifier>, namespace: String?) -> JSONValue {
        var members: [JSONObject.Member] = []
        func add(_ key: String, _ kind: JSONValue.Kind) {
            members.append(JSONObject.Member(key: key, value: JSONValue(kind)))
        }
        func string(_ text: String) -> JSONValue.Kind { .string(text) }
        func addNamed(_ named: any NamedSchema, type: String) -> Bool {
            guard seen.insert(named.id).inserted else { return false }
            add("type", string(type))
            add("name", string(named.name.name))
            if named.name.namespace != namespace { add("namespace", string(named.name.namespace ?? "")) }
            if let doc = named.doc { add("doc", string(doc)) }
            return true
        }
        // Java writes a named type's aliases last, after its custom properties; registries store that text.
        func addAliases(_ named: any NamedSchema) {
            if !named.aliases.isEmpty {
                add("aliases", .array(named.aliases.map { JSONValue(.string($0.fullName)) }))
            }
        }
        switch kind {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            if logicalType == nil && properties.members.isEmpty { return JSONValue(.string(typeName)) }
            add("type", string(typeName))
        case .array(let items):
            add("type", string("array"))
            add("items", items.json(seen: &seen, namespace: namespace).kind)
        case .map(let values):
            add("type", string("map"))
            add("values", values.json(seen: &seen, namespace: namespace).kind)
        case .union(let branches):
            return JSONValue(.array(branches.map { $0.json(seen: &seen, namespace: namespace) }))
        case .record(let record):
            guard addNamed(record, type: record.isError ? "error" : "record") else {
                return JSONValue(.string(record.name.fullName))
            }
            let fields = record.storage.fields.map { field -> JSONValue in
                var member: [JSONObject.Member] = [
                    .init(key: "name", value: JSONValue(.string(field.name))),
                    .init(key: "type", value: field.type.json(seen: &seen, namespace: record.name.namespace)),
                ]
                if let doc = field.doc { member.append(.init(key: "doc", value: JSONValue(.string(doc)))) }
                if let value = field.defaultValue { member.append(.init(key: "default", value: value)) }
                if field.order != .ascending {
                    member.append(.init(key: "order", value: JSONValue(.string(field.order.rawValue))))
                }
                if !field.aliases.isEmpty {
                    member.append(
                        .init(key: "aliases", value: JSONValue(.array(field.aliases.map { JSONValue(.string($0)) }))))
                }
                member += field.properties.members
                return JSONValue(.object(JSONObject(members: member)))
            }
            add("fields", .array(fields))
            members += record.properties.members
            addAliases(record)
            return JSONValue(.object(JSONObject(members: members)))
        case .enumeration(let enumeration):
            guard addNamed(enumeration, type: "enum") else { return JSONValue(.string(enumeration.name.fullName)) }
            add("symbols", .array(enumeration.symbols.map { JSONValue(.string($0)) }))
            if let defaultSymbol = enumeration.defaultSymbol { add("default", string(defaultSymbol)) }
            members += enumeration.properties.members
            addAliases(enumeration)
            return JSONValue(.object(JSONObject(members: members)))
        case .fixed(let fixed):
            guard addNamed(fixed, type: "fixed") else { return JSONValue(.string(fixed.name.fullName)) }
            add("size", .number(JSONNumber(Int64(fixed.size))))
            addLogicalType(fixed.logicalType, to: &members)
            members += fixed.properties.members
            addAliases(fixed)
            return JSONValue(.object(JSONObject(members: members)))
        }
        addLogicalType(logicalType, to: &members)
        members += properties.members
        return JSONValue(.object(JSONObject(members: members)))
    }

    private func addLogicalType(_ logicalType: LogicalType?, to members: inout [JSONObject.Member]) {
        guard let logicalType else { return }
        members.append(.init(key: "logicalType", value: JSONValue(.string(logicalType.name))))
        if case .decimal(let precision, let scale) = logicalType {
            members.append(.init(key: "precision", value: JSONValue(.number(JSONNumber(Int64(precision))))))
            members.append(.init(key: "scale", value: JSONValue(.number(JSONNumber(Int64(scale))))))
        }
    }
}
