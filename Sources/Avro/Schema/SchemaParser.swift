/// Turns one file's JSON into ``Schema`` nodes, following the Avro 1.12 specification and, where it is silent,
/// Apache Avro Java (which Confluent's registry runs).
struct SchemaParser {
    let file: String
    let fileIndex: Int
    unowned let builder: SchemaSetBuilder
    /// Defaults are checked once the whole file is parsed, because a default may hold a record whose fields
    /// are still being parsed (recursive types).
    private var pendingDefaults: [(value: JSONValue, schema: Schema, location: SourceLocation)] = []

    init(file: String, fileIndex: Int, builder: SchemaSetBuilder) {
        self.file = file
        self.fileIndex = fileIndex
        self.builder = builder
    }

    mutating func parseDocument(_ document: JSONValue) throws(SchemaError) -> Schema {
        let root = try parse(document, namespace: nil, path: .root)
        for pending in pendingDefaults {
            if let problem = pending.schema.defaultProblem(pending.value) {
                throw SchemaError(
                    "invalid default value for type \(pending.schema.branchName): \(problem)",
                    at: pending.location, rule: .invalidDefault)
            }
        }
        return root
    }

    // MARK: - Dispatch

    private func location(_ value: JSONValue, _ path: JSONPath) -> SourceLocation {
        SourceLocation(file: file, position: value.position, path: path)
    }

    private func fail(_ message: String, _ value: JSONValue, _ path: JSONPath, _ rule: SchemaError.Rule) -> SchemaError
    {
        SchemaError(message, at: location(value, path), rule: rule)
    }

    mutating func parse(_ value: JSONValue, namespace: String?, path: JSONPath) throws(SchemaError) -> Schema {
        switch value.kind {
        case .string(let name):
            return try resolve(name, namespace: namespace, at: value, path: path)
        case .array(let branches):
            return try parseUnion(branches, value: value, namespace: namespace, path: path)
        case .object(let object):
            return try parseObject(object, value: value, namespace: namespace, path: path)
        default:
            throw fail(
                "a schema must be a type name, an object or an array (union), not \(value.kindDescription)",
                value, path, .attributeType)
        }
    }

    private mutating func parseObject(
        _ object: JSONObject, value: JSONValue, namespace: String?, path: JSONPath
    ) throws(SchemaError) -> Schema {
        guard let type = object["type"] else {
            throw fail("a schema object needs a \"type\" attribute", value, path, .missingAttribute)
        }
        let typePath = path.appending("type")
        guard case .string(let typeName) = type.kind else {
            // Apache Avro Java reads a schema object's "type" as text and rejects anything else ("No type"); only
            // a field's "type" may be any schema (an object or a union), and fields are not parsed here.
            throw fail(
                "the \"type\" of a schema object must be a type name (a primitive, record, enum, fixed, array, map "
                    + "or a named type), not \(type.kindDescription); only a field's \"type\" may be a schema object "
                    + "or a union", type, typePath, .attributeType)
        }
        switch typeName {
        case "record", "error":
            return try parseRecord(object, value: value, namespace: namespace, path: path)
        case "enum":
            return try parseEnum(object, value: value, namespace: namespace, path: path)
        case "fixed":
            return try parseFixed(object, value: value, namespace: namespace, path: path)
        case "array":
            guard let items = object["items"] else {
                throw fail("an array schema needs an \"items\" attribute", value, path, .missingAttribute)
            }
            let itemSchema = try parse(items, namespace: namespace, path: path.appending("items"))
            return annotate(
                Schema(.array(items: itemSchema), location: location(value, path)), object, ["type", "items"], path)
        case "map":
            guard let values = object["values"] else {
                throw fail("a map schema needs a \"values\" attribute", value, path, .missingAttribute)
            }
            let valueSchema = try parse(values, namespace: namespace, path: path.appending("values"))
            return annotate(
                Schema(.map(values: valueSchema), location: location(value, path)), object, ["type", "values"], path)
        default:
            if let primitive = Self.primitiveKind(typeName) {
                return annotate(Schema(primitive, location: location(value, path)), object, ["type"], path)
            }
            // `{"type": "Name"}` wraps a reference to a named type; Apache Avro Java accepts it.
            return try resolve(typeName, namespace: namespace, at: type, path: typePath)
        }
    }

    static func primitiveKind(_ name: String) -> Schema.Kind? {
        switch name {
        case "null": return .null
        case "boolean": return .boolean
        case "int": return .int
        case "long": return .long
        case "float": return .float
        case "double": return .double
        case "bytes": return .bytes
        case "string": return .string
        default: return nil
        }
    }

    /// Sets the logical type and custom properties of an unnamed node.
    private func annotate(_ schema: Schema, _ object: JSONObject, _ reserved: Set<String>, _ path: JSONPath) -> Schema {
        var schema = schema
        let (logicalType, ignored, consumed) = LogicalTypeParser.parse(object, for: schema.kind)
        schema.logicalType = logicalType
        schema.ignoredLogicalType = ignored
        schema.properties = Self.properties(of: object, excluding: reserved.union(consumed))
        return schema
    }

    static func properties(of object: JSONObject, excluding reserved: Set<String>) -> JSONObject {
        JSONObject(members: object.members.filter { !reserved.contains($0.key) })
    }

    // MARK: - Names

    private mutating func resolve(
        _ reference: String, namespace: String?, at value: JSONValue, path: JSONPath
    ) throws(SchemaError) -> Schema {
        if let primitive = Self.primitiveKind(reference) {
            return Schema(primitive, location: location(value, path))
        }
        // A dotted reference is a full name; a simple one is looked up in the enclosing namespace first and
        // then in the null namespace, as Apache Avro Java does.
        var candidates: [String] = []
        if reference.contains(".") {
            candidates = [reference]
        } else {
            if let namespace { candidates.append(namespace + "." + reference) }
            candidates.append(reference)
        }
        for candidate in candidates {
            if let found = builder.defined[candidate] { return referenceNode(to: found, at: value, path: path) }
        }
        for candidate in candidates {
            guard let definingFile = builder.definingFile[candidate] else { continue }
            if definingFile == fileIndex {
                throw fail(
                    "type \"\(candidate)\" is used before its definition; define a named type before using it",
                    value, path, .unknownType)
            }
            do {
                try builder.parseFile(definingFile)
            } catch {
                throw fail(
                    "type \"\(candidate)\" is defined in \(builder.names[definingFile]), which is invalid",
                    value, path, .fileDependency)
            }
            if let found = builder.defined[candidate] { return referenceNode(to: found, at: value, path: path) }
        }
        throw fail("unknown type \"\(reference)\"", value, path, .unknownType)
    }

    private func referenceNode(to definition: Schema, at value: JSONValue, path: JSONPath) -> Schema {
        var schema = definition
        schema.location = location(value, path)
        schema.properties = JSONObject()
        return schema
    }

    private struct NameParts {
        var name: SchemaName
        var aliases: [SchemaName]
        var doc: String?
    }

    /// Reads, validates and registers-to-be the name, namespace, aliases and doc of a named type.
    private func parseName(
        _ object: JSONObject, value: JSONValue, namespace: String?, path: JSONPath, kind: String
    ) throws(SchemaError) -> NameParts {
        guard let nameValue = object["name"] else {
            throw fail("a \(kind) needs a \"name\" attribute", value, path, .missingAttribute)
        }
        guard let name = nameValue.stringValue else {
            throw fail("\"name\" must be a string", nameValue, path.appending("name"), .attributeType)
        }
        var declaredNamespace = namespace
        if let namespaceValue = object["namespace"] {
            switch namespaceValue.kind {
            case .string(let text): declaredNamespace = text
            case .null: break
            default:
                throw fail(
                    "\"namespace\" must be a string", namespaceValue, path.appending("namespace"), .attributeType)
            }
        }
        let fullName = SchemaName(reference: name, enclosingNamespace: declaredNamespace)
        guard SchemaName.isValidName(fullName.name) else {
            throw fail(
                "invalid name \"\(name)\": names must match [A-Za-z_][A-Za-z0-9_]*", nameValue, path.appending("name"),
                .invalidName)
        }
        if let space = fullName.namespace, !SchemaName.isValidNamespace(space) {
            let at = name.contains(".") ? ("name", nameValue) : ("namespace", object["namespace"] ?? nameValue)
            throw fail(
                "invalid namespace \"\(space)\": each dot-separated part must match [A-Za-z_][A-Za-z0-9_]*", at.1,
                path.appending(at.0), .invalidNamespace)
        }
        if Schema.primitiveTypeNames.contains(fullName.name) {
            throw fail(
                "\"\(fullName.name)\" is a primitive type name and cannot name a \(kind)", nameValue,
                path.appending("name"), .primitiveName)
        }
        if let existing = builder.defined[fullName.fullName] {
            throw fail(
                "type \"\(fullName.fullName)\" is already defined at \(existing.location)", nameValue,
                path.appending("name"), .redefinedName)
        }
        if let definingFile = builder.definingFile[fullName.fullName], definingFile != fileIndex {
            throw fail(
                "type \"\(fullName.fullName)\" is also defined in \(builder.names[definingFile])", nameValue,
                path.appending("name"), .redefinedName)
        }
        var aliases: [SchemaName] = []
        if let (elements, aliasPath) = try arrayAttribute("aliases", of: object, path, "an array of strings") {
            for (index, element) in elements.enumerated() {
                guard let alias = element.stringValue else {
                    throw fail("an alias must be a string", element, aliasPath.appending(index), .attributeType)
                }
                // Aliases are relative to the namespace of the type they name.
                let aliasName = SchemaName(reference: alias, enclosingNamespace: fullName.namespace)
                guard SchemaName.isValidName(aliasName.name),
                    SchemaName.isValidNamespace(aliasName.namespace ?? "")
                else {
                    throw fail("invalid alias \"\(alias)\"", element, aliasPath.appending(index), .invalidName)
                }
                aliases.append(aliasName)
            }
        }
        return NameParts(name: fullName, aliases: aliases, doc: object["doc"]?.stringValue)
    }

    private func register(_ schema: Schema, _ named: any NamedSchema) {
        builder.defined[named.name.fullName] = schema
        builder.definitionOrder.append(named)
    }

    /// The elements of the array attribute `name` of `object` at `path`, and the attribute's path; `nil` when it
    /// is absent, an error when it is not `shape` ("an array of strings").
    private func arrayAttribute(
        _ name: String, of object: JSONObject, _ path: JSONPath, _ shape: String
    ) throws(SchemaError) -> ([JSONValue], JSONPath)? {
        guard let attribute = object[name] else { return nil }
        let attributePath = path.appending(name)
        guard let elements = attribute.arrayValue else {
            throw fail("\"\(name)\" must be \(shape)", attribute, attributePath, .attributeType)
        }
        return (elements, attributePath)
    }

    // MARK: - Named types

    private mutating func parseRecord(
        _ object: JSONObject, value: JSONValue, namespace: String?, path: JSONPath
    ) throws(SchemaError) -> Schema {
        let parts = try parseName(object, value: value, namespace: namespace, path: path, kind: "record")
        guard let (fieldValues, fieldsPath) = try arrayAttribute("fields", of: object, path, "an array") else {
            throw fail("a record needs a \"fields\" attribute", value, path, .missingAttribute)
        }
        let here = location(value, path)
        let (_, ignored, _) = LogicalTypeParser.parse(object, for: LogicalTypeParser.Host.other)
        let storage = RecordStorage(
            name: parts.name, aliases: parts.aliases, doc: parts.doc, isError: object["type"]?.stringValue == "error",
            properties: Self.properties(
                of: object, excluding: ["type", "name", "namespace", "fields", "doc", "aliases", "logicalType"]),
            location: here)
        builder.records.append(storage)
        let record = RecordSchema(storage: storage, owner: nil)
        let schema = Schema(.record(record), ignoredLogicalType: ignored, location: here)
        register(schema, record)

        var fields: [Field] = []
        var seen: Set<String> = []
        for (index, fieldValue) in fieldValues.enumerated() {
            let fieldPath = fieldsPath.appending(index)
            let field = try parseField(fieldValue, namespace: parts.name.namespace, path: fieldPath)
            guard seen.insert(field.name).inserted else {
                throw fail(
                    "duplicate field name \"\(field.name)\" in record \(parts.name)", fieldValue,
                    fieldPath.appending("name"),
                    .duplicateField)
            }
            fields.append(field)
        }
        storage.fields = fields
        return schema
    }

    private mutating func parseField(_ value: JSONValue, namespace: String?, path: JSONPath) throws(SchemaError)
        -> Field
    {
        guard let object = value.objectValue else {
            throw fail("a field must be an object, not \(value.kindDescription)", value, path, .attributeType)
        }
        guard let nameValue = object["name"] else {
            throw fail("a field needs a \"name\" attribute", value, path, .missingAttribute)
        }
        guard let name = nameValue.stringValue else {
            throw fail("a field name must be a string", nameValue, path.appending("name"), .attributeType)
        }
        guard SchemaName.isValidName(name) else {
            throw fail(
                "invalid field name \"\(name)\": names must match [A-Za-z_][A-Za-z0-9_]*", nameValue,
                path.appending("name"), .invalidName)
        }
        guard let typeValue = object["type"] else {
            throw fail("field \"\(name)\" needs a \"type\" attribute", value, path, .missingAttribute)
        }
        let type = try parse(typeValue, namespace: namespace, path: path.appending("type"))
        var order = Field.Order.ascending
        if let orderValue = object["order"] {
            // Apache Avro Java reads the order case-insensitively.
            guard let text = orderValue.stringValue, let parsed = Field.Order(rawValue: text.lowercased()) else {
                throw fail(
                    "\"order\" must be \"ascending\", \"descending\" or \"ignore\"", orderValue,
                    path.appending("order"),
                    .invalidOrder)
            }
            order = parsed
        }
        var aliases: [String] = []
        if let (elements, aliasPath) = try arrayAttribute("aliases", of: object, path, "an array of strings") {
            for (index, element) in elements.enumerated() {
                guard let alias = element.stringValue, SchemaName.isValidName(alias) else {
                    throw fail(
                        "a field alias must be a string matching [A-Za-z_][A-Za-z0-9_]*", element,
                        aliasPath.appending(index), .invalidName)
                }
                aliases.append(alias)
            }
        }
        let defaultValue = object["default"]
        if let defaultValue {
            pendingDefaults.append((defaultValue, type, location(defaultValue, path.appending("default"))))
        }
        return Field(
            name: name, type: type, defaultValue: defaultValue, order: order, aliases: aliases,
            doc: object["doc"]?.stringValue,
            properties: Self.properties(of: object, excluding: ["name", "type", "default", "order", "aliases", "doc"]),
            location: location(value, path))
    }

    private func parseEnum(
        _ object: JSONObject, value: JSONValue, namespace: String?, path: JSONPath
    ) throws(SchemaError) -> Schema {
        let parts = try parseName(object, value: value, namespace: namespace, path: path, kind: "enum")
        guard let (elements, symbolsPath) = try arrayAttribute("symbols", of: object, path, "an array of strings")
        else {
            throw fail("an enum needs a \"symbols\" attribute", value, path, .missingAttribute)
        }
        var symbols: [String] = []
        var seen: Set<String> = []
        for (index, element) in elements.enumerated() {
            guard let symbol = element.stringValue else {
                throw fail("an enum symbol must be a string", element, symbolsPath.appending(index), .attributeType)
            }
            guard SchemaName.isValidName(symbol) else {
                throw fail(
                    "invalid enum symbol \"\(symbol)\": symbols must match [A-Za-z_][A-Za-z0-9_]*", element,
                    symbolsPath.appending(index), .invalidSymbol)
            }
            guard seen.insert(symbol).inserted else {
                throw fail(
                    "duplicate enum symbol \"\(symbol)\"", element, symbolsPath.appending(index), .duplicateSymbol)
            }
            symbols.append(symbol)
        }
        var defaultSymbol: String?
        if let defaultValue = object["default"] {
            guard let symbol = defaultValue.stringValue, seen.contains(symbol) else {
                throw fail(
                    "the enum default must be one of its symbols (\(symbols.joined(separator: ", ")))", defaultValue,
                    path.appending("default"), .enumDefault)
            }
            defaultSymbol = symbol
        }
        let here = location(value, path)
        let (_, ignored, _) = LogicalTypeParser.parse(object, for: LogicalTypeParser.Host.other)
        let enumeration = EnumSchema(
            name: parts.name, aliases: parts.aliases, doc: parts.doc, symbols: symbols, defaultSymbol: defaultSymbol,
            properties: Self.properties(
                of: object,
                excluding: ["type", "name", "namespace", "symbols", "default", "doc", "aliases", "logicalType"]),
            location: here)
        let schema = Schema(.enumeration(enumeration), ignoredLogicalType: ignored, location: here)
        register(schema, enumeration)
        return schema
    }

    private func parseFixed(
        _ object: JSONObject, value: JSONValue, namespace: String?, path: JSONPath
    ) throws(SchemaError) -> Schema {
        let parts = try parseName(object, value: value, namespace: namespace, path: path, kind: "fixed")
        guard let sizeValue = object["size"] else {
            throw fail("a fixed needs a \"size\" attribute", value, path, .missingAttribute)
        }
        guard let number = sizeValue.numberValue, number.isInteger, let size = Int32(number.text), size >= 0 else {
            throw fail(
                "\"size\" must be a non-negative integer that fits in 32 bits", sizeValue, path.appending("size"),
                .fixedSize)
        }
        let here = location(value, path)
        let (logicalType, ignored, consumed) = LogicalTypeParser.parse(object, for: .fixed(size: Int(size)))
        let fixed = FixedSchema(
            name: parts.name, aliases: parts.aliases, doc: parts.doc, size: Int(size), logicalType: logicalType,
            ignoredLogicalType: ignored,
            properties: Self.properties(
                of: object, excluding: Set(["type", "name", "namespace", "size", "doc", "aliases"]).union(consumed)),
            location: here)
        let schema = Schema(.fixed(fixed), logicalType: logicalType, ignoredLogicalType: ignored, location: here)
        register(schema, fixed)
        return schema
    }

    // MARK: - Unions

    private mutating func parseUnion(
        _ elements: [JSONValue], value: JSONValue, namespace: String?, path: JSONPath
    ) throws(SchemaError) -> Schema {
        var branches: [Schema] = []
        var seen: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            let branchPath = path.appending(index)
            let branch = try parse(element, namespace: namespace, path: branchPath)
            if case .union = branch.kind {
                throw fail("a union may not immediately contain another union", element, branchPath, .unionBranches)
            }
            if let first = seen[branch.branchName] {
                throw fail(
                    "union branch \(index) repeats branch \(first) (\(branch.branchName)); a union may hold each type once",
                    element, branchPath, .unionBranches)
            }
            seen[branch.branchName] = index
            branches.append(branch)
        }
        return Schema(.union(branches), location: location(value, path))
    }
}
