import Avro

/// Every node of a schema reachable from its root, each named type visited once (recursion stops).
enum SchemaWalker {
    /// Calls `visit` for every node, and `visitField` for every field of every record.
    static func walk(
        _ schema: Schema, node visit: (Schema) -> Void, field visitField: (Field, RecordSchema) -> Void = { _, _ in }
    ) {
        var seen: Set<ObjectIdentifier> = []
        func go(_ schema: Schema) {
            visit(schema)
            if let named = schema.namedType, !seen.insert(named.id).inserted { return }
            switch schema.kind {
            case .array(let items): go(items)
            case .map(let values): go(values)
            case .union(let branches): branches.forEach(go)
            case .record(let record):
                for field in record.fields {
                    visitField(field, record)
                    go(field.type)
                }
            default: break
            }
        }
        go(schema)
    }

    /// Whether the node is a union with a null branch.
    static func isNullable(_ schema: Schema) -> Bool {
        schema.unionBranches?.contains(where: \.isNull) ?? false
    }
}
