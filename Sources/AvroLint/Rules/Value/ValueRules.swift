import Avro

/// Values are records that always carry a required id and timestamp, and keep every other field optional with
/// a default so that the schema can evolve both ways.
enum ValueRules {
    static let isRecord = Rule(
        id: "VALUE_IS_RECORD", defaultSeverity: .error, category: .value,
        rationale: "Only a record value can gain fields later; a primitive or union value cannot evolve.",
        triggeringExamples: [#""string""#],
        passingExamples: [
            #"{"type": "record", "name": "V", "fields": [{"name": "id", "type": "string"}, {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}"#
        ]
    ) { context in
        if case .record = context.schema.kind { return [] }
        return [("a value schema must be a record, not \(context.schema.typeName)", context.schema.location)]
    }

    static func required(_ id: String, _ field: @escaping @Sendable (LintContext) -> String) -> Rule {
        Rule(
            id: id, defaultSeverity: .error, category: .value,
            rationale: "Every event needs its identity and its time to be deduplicated, ordered and joined.",
            triggeringExamples: [
                #"{"type": "record", "name": "V", "fields": [{"name": "id", "type": ["null", "string"], "default": null}]}"#
            ],
            passingExamples: [
                #"{"type": "record", "name": "V", "fields": [{"name": "id", "type": "string"}, {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}"#
            ]
        ) { context in
            guard case .record(let record) = context.schema.kind else { return [] }
            let name = field(context)
            guard let found = record.field(named: name) else {
                return [("a value must have a required field \"\(name)\"", context.schema.location)]
            }
            if SchemaWalker.isNullable(found.type) || found.defaultValue != nil {
                return [("the value field \"\(name)\" must be required: no null branch, no default", found.location)]
            }
            return []
        }
    }

    static let requiredID = required("VALUE_REQUIRED_ID") { $0.idField }
    static let requiredTimestamp = required("VALUE_REQUIRED_TIMESTAMP") { $0.timestampField }

    static let timestampLogicalType = Rule(
        id: "VALUE_TIMESTAMP_LOGICAL_TYPE", defaultSeverity: .warning, category: .value,
        rationale: "A bare long says nothing about its unit or zone; a timestamp logical type does.",
        triggeringExamples: [
            #"{"type": "record", "name": "V", "fields": [{"name": "id", "type": "string"}, {"name": "timestamp", "type": "long"}]}"#
        ],
        passingExamples: [
            #"{"type": "record", "name": "V", "fields": [{"name": "id", "type": "string"}, {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-micros"}}]}"#
        ]
    ) { context in
        guard case .record(let record) = context.schema.kind, let field = record.field(named: context.timestampField)
        else {
            return []
        }
        switch field.type.logicalType {
        case .timestampMillis, .timestampMicros, .timestampNanos, .localTimestampMillis, .localTimestampMicros,
            .localTimestampNanos:
            return []
        default:
            return [
                (
                    "the value field \"\(field.name)\" should have a timestamp logical type (e.g. timestamp-millis)",
                    field.type.location
                )
            ]
        }
    }

    static let optionalFieldsHaveDefault = Rule(
        id: "VALUE_OPTIONAL_FIELDS_HAVE_DEFAULT", defaultSeverity: .warning, category: .value,
        rationale:
            "Fields other than id and timestamp should be optional with a default, so they can be added and removed without breaking readers or writers.",
        triggeringExamples: [
            #"{"type": "record", "name": "V", "fields": [{"name": "id", "type": "string"}, {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}, {"name": "note", "type": "string"}]}"#
        ],
        passingExamples: [
            #"{"type": "record", "name": "V", "fields": [{"name": "id", "type": "string"}, {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}, {"name": "note", "type": ["null", "string"], "default": null}]}"#
        ]
    ) { context in
        guard case .record(let record) = context.schema.kind else { return [] }
        return record.fields.compactMap { field in
            guard field.name != context.idField, field.name != context.timestampField else { return nil }
            if !SchemaWalker.isNullable(field.type) || field.defaultValue == nil {
                return (
                    "the value field \"\(field.name)\" should be optional with a default ([\"null\", ...] with default null)",
                    field.location
                )
            }
            return nil
        }
    }

    static let all = [isRecord, requiredID, requiredTimestamp, timestampLogicalType, optionalFieldsHaveDefault]
}
