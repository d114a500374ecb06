import Avro

/// A key type with few possible values puts all records on few partitions, whatever the partition count.
enum KeyLowCardinality {
    static let rule = Rule(
        id: "KEY_LOW_CARDINALITY", defaultSeverity: .warning, category: .key,
        rationale:
            "A key with a small upper bound of distinct values (a boolean, an enum, products of them) can use only that many partitions.",
        triggeringExamples: [
            #"{"type": "record", "name": "K", "fields": [{"name": "active", "type": "boolean"}, {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}}]}"#
        ],
        passingExamples: [
            #"{"type": "record", "name": "K", "fields": [{"name": "id", "type": "long"}, {"name": "active", "type": "boolean"}]}"#
        ]
    ) { context in
        let minimum = context.minimumKeyCardinality
        guard let bound = upperBound(context.schema), bound < minimum else { return [] }
        return [
            (
                "the key has at most \(bound) distinct values (fewer than \(minimum)): records crowd onto at most \(bound) partitions",
                context.schema.location
            )
        ]
    }

    /// The most distinct values of `schema`, or nil when unbounded (or too large to matter).
    static func upperBound(_ schema: Schema, depth: Int = 0) -> Int? {
        guard depth < 32 else { return nil }
        switch schema.kind {
        case .null: return 1
        case .boolean: return 2
        case .enumeration(let enumeration): return enumeration.symbols.count
        case .fixed(let fixed): return fixed.size == 0 ? 1 : nil
        case .union(let branches):
            var total = 0
            for branch in branches {
                guard let bound = upperBound(branch, depth: depth + 1) else { return nil }
                total += bound
            }
            return total
        case .record(let record):
            var product = 1
            for field in record.fields {
                guard let bound = upperBound(field.type, depth: depth + 1) else { return nil }
                product = product.multipliedReportingOverflow(by: bound).overflow ? Int.max : product * bound
            }
            return product
        default: return nil
        }
    }
}
