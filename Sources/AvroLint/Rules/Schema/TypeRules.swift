import Avro

/// Types that silently mean less than their author meant.
enum TypeRules {
    static let logicalTypeInvalid = Rule.nodes(
        "LOGICAL_TYPE_INVALID", .error, .schema,
        rationale:
            "An unknown or invalid logical type is ignored: a typo such as timestamp-milis silently becomes a plain long.",
        triggering: [
            #"{"type": "long", "logicalType": "timestamp-milis"}"#,
            #"{"type": "bytes", "logicalType": "decimal", "precision": 2, "scale": 4}"#,
        ],
        passing: [#"{"type": "long", "logicalType": "timestamp-millis"}"#]
    ) { node in
        guard let ignored = node.ignoredLogicalType else { return nil }
        return "logical type \"\(ignored.name)\" is ignored: \(ignored.reason)"
    }

    static let bareTimestamp = Rule(
        id: "TIMESTAMP_BARE_LONG", defaultSeverity: .warning, category: .schema,
        rationale: "A long named like a time without a logical type hides its unit and epoch.",
        triggeringExamples: [#"{"type": "record", "name": "R", "fields": [{"name": "created_at", "type": "long"}]}"#],
        passingExamples: [
            #"{"type": "record", "name": "R", "fields": [{"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}"#
        ]
    ) { context in
        var found: [(message: String, location: SourceLocation)] = []
        SchemaWalker.walk(
            context.schema, node: { _ in },
            field: { field, _ in
                let types = field.type.unionBranches ?? [field.type]
                guard
                    types.contains(where: {
                        if case .long = $0.kind { return $0.logicalType == nil } else { return false }
                    })
                else { return }
                let name = field.name.lowercased()
                let timeLike =
                    ["timestamp", "time", "date"].contains { name.contains($0) } || name.hasSuffix("_at")
                    || field.name.hasSuffix("At") || name.hasSuffix("_ts") || name == "ts"
                if timeLike {
                    found.append(
                        (
                            "\(field.name) looks like a time but is a bare long; use a timestamp logical type",
                            field.type.location
                        ))
                }
            })
        return found
    }

    static let emptyRecord = Rule.nodes(
        "EMPTY_RECORD", .warning, .schema,
        rationale: "A record without fields carries no data and is usually a mistake.",
        triggering: [#"{"type": "record", "name": "R", "fields": []}"#],
        passing: [#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"#]
    ) { node in
        guard case .record(let record) = node.kind, record.fields.isEmpty else { return nil }
        return "record \(record.name) has no fields"
    }

    static let all = [logicalTypeInvalid, bareTimestamp, emptyRecord]
}
