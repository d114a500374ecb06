extension Schema {
    /// The named type `fullName` as this schema defines or uses it (the record, enum or fixed node, wherever it
    /// is nested), or `nil`. Generated models find their own schema in their file's schema with it, so a file's
    /// schema is parsed once for all the types it defines.
    public func definition(of fullName: String) -> Schema? {
        var visited: Set<String> = []
        func search(_ schema: Schema) -> Schema? {
            if let named = schema.namedType {
                if named.name.fullName == fullName { return schema }
                // A named type is walked once: recursive records end here.
                guard visited.insert(named.name.fullName).inserted else { return nil }
            }
            switch schema.kind {
            case .array(let items): return search(items)
            case .map(let values): return search(values)
            case .union(let branches):
                for branch in branches { if let found = search(branch) { return found } }
                return nil
            case .record(let record):
                for field in record.fields { if let found = search(field.type) { return found } }
                return nil
            default: return nil
            }
        }
        return search(self)
    }
}
