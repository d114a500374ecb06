import Avro

/// How one schema node becomes Swift: its type, the statements that write a value, the expression that reads
/// one. Collects the nested enums its record needs for unions.
struct TypeMapper {
    let naming: TypeNaming
    let options: GeneratorOptions
    /// Where recursion is, so that bounded arrays and maps skip depth tracking (nil: always track).
    var graph: InlineGraph?
    /// The nested union enums of the record being generated, in order of first use.
    var unions: [UnionDeclaration] = []
    /// Names in use inside the record (its nested types), besides the top-level ones.
    private var nestedNames: Set<String> = []

    struct UnionDeclaration {
        var name: String
        var schema: Schema
        var field: String
    }

    init(naming: TypeNaming, options: GeneratorOptions, enclosingType: String) {
        self.naming = naming
        self.options = options
        nestedNames = [enclosingType]
    }

    /// The logical type this generator maps to an exact type, if any.
    func logicalType(_ schema: Schema) -> LogicalType? {
        options.logicalTypes ? schema.logicalType : nil
    }

    /// `[null, T]` or `[T, null]`: the other branch and where null is.
    static func optionalInner(_ schema: Schema) -> (inner: Schema, nullIndex: Int)? {
        guard let branches = schema.unionBranches, branches.count == 2,
            let nullIndex = branches.firstIndex(where: \.isNull), !branches[1 - nullIndex].isNull
        else { return nil }
        return (branches[1 - nullIndex], nullIndex)
    }

    // MARK: - Types

    mutating func swiftType(_ schema: Schema, field: String) -> String {
        if let logical = logicalType(schema) { return Self.swiftType(logical) }
        switch schema.kind {
        case .null: return "Avro.AvroNull"
        case .boolean: return "Swift.Bool"
        case .int: return "Swift.Int32"
        case .long: return "Swift.Int64"
        case .float: return "Swift.Float"
        case .double: return "Swift.Double"
        case .bytes: return "[Swift.UInt8]"
        case .string: return "Swift.String"
        case .array(let items): return "[\(swiftType(items, field: field))]"
        case .map(let values): return "[Swift.String: \(swiftType(values, field: field))]"
        case .record(let record): return naming.name(of: record)
        case .enumeration(let enumeration): return naming.name(of: enumeration)
        case .fixed(let fixed): return naming.name(of: fixed)
        case .union(let branches):
            if let (inner, _) = Self.optionalInner(schema) { return swiftType(inner, field: field) + "?" }
            if branches.allSatisfy(\.isNull) { return "Avro.AvroNull" }
            let name = unionName(schema, field: field)
            return branches.contains(where: \.isNull) ? name + "?" : name
        }
    }

    static func swiftType(_ logical: LogicalType) -> String {
        switch logical {
        case .decimal, .bigDecimal: return "Avro.AvroDecimal"
        case .uuid: return "Foundation.UUID"
        case .date: return "Avro.AvroDate"
        case .timeMillis: return "Avro.AvroTimeMillis"
        case .timeMicros: return "Avro.AvroTimeMicros"
        case .timestampMillis: return "Avro.AvroTimestampMillis"
        case .timestampMicros: return "Avro.AvroTimestampMicros"
        case .timestampNanos: return "Avro.AvroTimestampNanos"
        case .localTimestampMillis: return "Avro.AvroLocalTimestampMillis"
        case .localTimestampMicros: return "Avro.AvroLocalTimestampMicros"
        case .localTimestampNanos: return "Avro.AvroLocalTimestampNanos"
        case .duration: return "Avro.AvroDuration"
        }
    }

    /// The nested enum for a union with more than one non-null branch, declared on first use.
    mutating func unionName(_ schema: Schema, field: String) -> String {
        let key = schema.location.path.description
        if let existing = unions.first(where: { $0.schema.location.path.description == key }) {
            return existing.name
        }
        let base = SwiftNames.typeName(SwiftNames.upperFirst(field) + "Value")
        var name = base
        var suffix = 2
        while nestedNames.contains(name) || naming.allNames.contains(name) {
            name = base + "\(suffix)"
            suffix += 1
        }
        nestedNames.insert(name)
        unions.append(UnionDeclaration(name: name, schema: schema, field: field))
        return name
    }

    /// The case name of each branch of a union (unique within it).
    func caseNames(_ branches: [Schema]) -> [String] {
        var used: Set<String> = []
        return branches.map { branch in
            let typeName = branch.namedType.map { naming.name(of: $0) } ?? branch.typeName
            var name = SwiftNames.lowerCamelCase(typeName) ?? typeName
            while !used.insert(name).inserted { name += "_" }
            return SwiftNames.identifier(name)
        }
    }

    // MARK: - Encoding

    /// Statements appending `value` (a Swift expression of this schema's type) to `writer`.
    mutating func encode(_ value: String, _ schema: Schema, field: String) -> [String] {
        if let logical = logicalType(schema) { return [Self.encode(value, logical, schema)] }
        switch schema.kind {
        case .null: return []
        case .boolean: return ["writer.writeBoolean(\(value))"]
        case .int: return ["writer.writeInt(\(value))"]
        case .long: return ["writer.writeLong(\(value))"]
        case .float: return ["writer.writeFloat(\(value))"]
        case .double: return ["writer.writeDouble(\(value))"]
        case .bytes: return ["writer.writeBytes(\(value))"]
        case .string: return ["writer.writeString(\(value))"]
        case .record, .enumeration, .fixed: return ["try \(value).avroEncode(to: &writer)"]
        case .array(let items):
            let body = encode("element", items, field: field)
            return ["try writer.writeArray(\(value)) { (writer, element) throws(Avro.AvroCodingError) in"]
                + indented(body) + ["}"]
        case .map(let values):
            let body = encode("element", values, field: field)
            return ["try writer.writeMap(\(value)) { (writer, element) throws(Avro.AvroCodingError) in"]
                + indented(body) + ["}"]
        case .union(let branches):
            if let (inner, nullIndex) = Self.optionalInner(schema) {
                let body = encode("present", inner, field: field)
                return ["if let present = \(value) {"] + indented(["writer.writeLong(\(1 - nullIndex))"] + body)
                    + ["} else {", "    writer.writeLong(\(nullIndex))", "}"]
            }
            if branches.allSatisfy(\.isNull) { return ["writer.writeLong(0)"] }
            _ = unionName(schema, field: field)
            if let nullIndex = branches.firstIndex(where: \.isNull) {
                return [
                    "if let present = \(value) {", "    try present.avroEncode(to: &writer)", "} else {",
                    "    writer.writeLong(\(nullIndex))", "}",
                ]
            }
            return ["try \(value).avroEncode(to: &writer)"]
        }
    }

    static func encode(_ value: String, _ logical: LogicalType, _ schema: Schema) -> String {
        let fixedSize = (schema.namedType as? FixedSchema)?.size
        switch logical {
        case .decimal(_, let scale):
            if let fixedSize { return "try writer.writeDecimal(\(value), scale: \(scale), fixedSize: \(fixedSize))" }
            return "try writer.writeDecimal(\(value), scale: \(scale))"
        case .bigDecimal: return "writer.writeBigDecimal(\(value))"
        case .uuid: return fixedSize == nil ? "writer.writeUUID(\(value))" : "writer.writeUUIDFixed(\(value))"
        case .date: return "writer.writeInt(\(value).daysSinceEpoch)"
        case .timeMillis: return "try writer.writeTimeMillis(\(value))"
        case .timeMicros: return "writer.writeLong(\(value).ticksSinceMidnight)"
        case .timestampMillis, .timestampMicros, .timestampNanos, .localTimestampMillis, .localTimestampMicros,
            .localTimestampNanos:
            return "writer.writeLong(\(value).ticksSinceEpoch)"
        case .duration: return "writer.writeDuration(\(value))"
        }
    }

    // MARK: - Decoding

    /// An expression reading a value of this schema from `reader`, as lines (the first continues the line it is
    /// put on; the others are indented relative to it).
    mutating func decode(_ schema: Schema, field: String) -> [String] {
        if let logical = logicalType(schema) { return [Self.decode(logical, schema)] }
        switch schema.kind {
        case .null: return ["Avro.AvroNull()"]
        case .boolean: return ["try reader.readBoolean()"]
        case .int: return ["try reader.readInt()"]
        case .long: return ["try reader.readLong()"]
        case .float: return ["try reader.readFloat()"]
        case .double: return ["try reader.readDouble()"]
        case .bytes: return ["try reader.readBytes()"]
        case .string: return ["try reader.readString()"]
        case .record, .enumeration, .fixed: return ["try reader.read()"]
        case .array(let items):
            let element = decode(items, field: field)
            return ["try reader.readArray\(depthArgument(items)){ (reader) throws(Avro.AvroCodingError) in"]
                + indented(element) + ["}"]
        case .map(let values):
            let element = decode(values, field: field)
            return ["try reader.readMap\(depthArgument(values)){ (reader) throws(Avro.AvroCodingError) in"]
                + indented(element) + ["}"]
        case .union(let branches):
            if let (inner, nullIndex) = Self.optionalInner(schema) {
                var present = decode(inner, field: field)
                if present.count == 1 {
                    present[0] = "try reader.readUnionBranch(count: 2) == \(nullIndex) ? nil : " + present[0]
                    return present
                }
                return ["try reader.readOptional(nullIndex: \(nullIndex)) { (reader) throws(Avro.AvroCodingError) in"]
                    + indented(present) + ["}"]
            }
            if branches.allSatisfy(\.isNull) { return ["try reader.readNullUnion()"] }
            _ = unionName(schema, field: field)
            if let nullIndex = branches.firstIndex(where: \.isNull) {
                return ["try reader.readOptionalUnion(nullIndex: \(nullIndex), count: \(branches.count))"]
            }
            return ["try reader.read()"]
        }
    }

    /// `(depthTracked: false) ` when elements of `schema` cannot nest without bound, else a space.
    private func depthArgument(_ schema: Schema) -> String {
        guard let graph, graph.isBounded(schema) else { return " " }
        return "(depthTracked: false) "
    }

    static func decode(_ logical: LogicalType, _ schema: Schema) -> String {
        let fixedSize = (schema.namedType as? FixedSchema)?.size
        let type = swiftType(logical)
        switch logical {
        case .decimal(_, let scale):
            if let fixedSize { return "try reader.readDecimal(scale: \(scale), fixedSize: \(fixedSize))" }
            return "try reader.readDecimal(scale: \(scale))"
        case .bigDecimal: return "try reader.readBigDecimal()"
        case .uuid: return fixedSize == nil ? "try reader.readUUID()" : "try reader.readUUIDFixed()"
        case .date: return "\(type)(daysSinceEpoch: try reader.readInt())"
        case .timeMillis: return "\(type)(ticksSinceMidnight: Swift.Int64(try reader.readInt()))"
        case .timeMicros: return "\(type)(ticksSinceMidnight: try reader.readLong())"
        case .timestampMillis, .timestampMicros, .timestampNanos, .localTimestampMillis, .localTimestampMicros,
            .localTimestampNanos:
            return "\(type)(ticksSinceEpoch: try reader.readLong())"
        case .duration: return "try reader.readDuration()"
        }
    }
}

/// `lines` one level deeper.
func indented(_ lines: [String], by levels: Int = 1) -> [String] {
    let prefix = String(repeating: "    ", count: levels)
    return lines.map { $0.isEmpty ? $0 : prefix + $0 }
}
