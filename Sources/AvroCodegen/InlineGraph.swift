import Avro

/// Which records hold which inline (not behind an array or a map), to find the fields that close a cycle; built
/// lazily and shared by a whole generation, so large schema sets stay linear.
final class InlineGraph {
    /// The records each record's fields hold: inline only (`true`), or also through arrays and maps (`false`).
    private var children: [Bool: [ObjectIdentifier: [RecordSchema]]] = [:]
    private var recursive: [ObjectIdentifier: Bool] = [:]

    /// Whether a value of `schema` can contain `record` inline: such a field must be stored out of line.
    func reaches(_ record: RecordSchema, from schema: Schema) -> Bool {
        anyRecord(from: Self.records(in: schema, inlineOnly: true), inlineOnly: true) { $0 == record }
    }

    /// Whether `record` can contain itself through any path (fields, unions, arrays, maps).
    func isRecursive(_ record: RecordSchema) -> Bool {
        if let known = recursive[record.id] { return known }
        let found = anyRecord(from: children(of: record, inlineOnly: false), inlineOnly: false) { $0 == record }
        recursive[record.id] = found
        return found
    }

    /// Whether values of `schema` nest to a depth the schema bounds: no recursive record is reachable.
    func isBounded(_ schema: Schema) -> Bool {
        !anyRecord(from: Self.records(in: schema, inlineOnly: false), inlineOnly: false) { isRecursive($0) }
    }

    /// Whether `matches` holds for a record among `start` or reachable from them.
    private func anyRecord(
        from start: [RecordSchema], inlineOnly: Bool, where matches: (RecordSchema) -> Bool
    ) -> Bool {
        var visited: Set<ObjectIdentifier> = []
        var pending = start
        while let next = pending.popLast() {
            if matches(next) { return true }
            guard visited.insert(next.id).inserted else { continue }
            pending += children(of: next, inlineOnly: inlineOnly)
        }
        return false
    }

    private func children(of record: RecordSchema, inlineOnly: Bool) -> [RecordSchema] {
        if let known = children[inlineOnly]?[record.id] { return known }
        let found = record.fields.flatMap { Self.records(in: $0.type, inlineOnly: inlineOnly) }
        children[inlineOnly, default: [:]][record.id] = found
        return found
    }

    /// The records a value of `schema` holds at its top: itself or a union's branches, and with `inlineOnly`
    /// false also the elements of arrays and maps.
    private static func records(in schema: Schema, inlineOnly: Bool) -> [RecordSchema] {
        switch schema.kind {
        case .record(let record): return [record]
        case .union(let branches): return branches.flatMap { records(in: $0, inlineOnly: inlineOnly) }
        case .array(let items) where !inlineOnly: return records(in: items, inlineOnly: inlineOnly)
        case .map(let values) where !inlineOnly: return records(in: values, inlineOnly: inlineOnly)
        default: return []
        }
    }
}
