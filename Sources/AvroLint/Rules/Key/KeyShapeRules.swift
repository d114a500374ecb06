import Avro

/// Key schemas must be total and stable: every part always present, nothing that hashes unstably.
enum KeyShapeRules {
    static let noOptionalFields = Rule.nodes(
        "KEY_NO_OPTIONAL_FIELDS", .error, .key,
        rationale: "A nullable part of a key sends every record where it is null to one partition: a hotspot.",
        triggering: [#"{"type": "record", "name": "K", "fields": [{"name": "id", "type": ["null", "string"]}]}"#],
        passing: [#"{"type": "record", "name": "K", "fields": [{"name": "id", "type": "string"}]}"#]
    ) { node in
        SchemaWalker.isNullable(node) ? "key schemas must not have optional (nullable) parts" : nil
    }

    static let noDefaults = Rule(
        id: "KEY_NO_DEFAULTS", defaultSeverity: .error, category: .key,
        rationale: "A default in a key means producers can leave a part out, and missing parts collapse keys.",
        triggeringExamples: [
            #"{"type": "record", "name": "K", "fields": [{"name": "id", "type": "string", "default": ""}]}"#
        ],
        passingExamples: [#"{"type": "record", "name": "K", "fields": [{"name": "id", "type": "string"}]}"#]
    ) { context in
        var found: [(message: String, location: SourceLocation)] = []
        SchemaWalker.walk(
            context.schema, node: { _ in },
            field: { field, record in
                if field.defaultValue != nil {
                    found.append(
                        ("key field \(record.name.name).\(field.name) must not have a default", field.location))
                }
            })
        return found
    }

    static let noFloatingPoint = Rule.nodes(
        "KEY_NO_FLOATING_POINT", .error, .key,
        rationale: "Equal numbers can have different float encodings (0.0 and -0.0, NaNs): joins and compaction miss.",
        triggering: [#"{"type": "record", "name": "K", "fields": [{"name": "price", "type": "double"}]}"#],
        passing: [#"{"type": "record", "name": "K", "fields": [{"name": "cents", "type": "long"}]}"#]
    ) { node in
        switch node.kind {
        case .float, .double:
            return "key schemas must not contain \(node.typeName) (equal values can encode differently)"
        default: return nil
        }
    }

    static let noMap = Rule.nodes(
        "KEY_NO_MAP", .error, .key,
        rationale: "Map entries have no order in Avro: the same key can encode to different bytes and partitions.",
        triggering: [
            #"{"type": "record", "name": "K", "fields": [{"name": "tags", "type": {"type": "map", "values": "string"}}]}"#
        ],
        passing: [#"{"type": "record", "name": "K", "fields": [{"name": "id", "type": "string"}]}"#]
    ) { node in
        if case .map = node.kind { return "key schemas must not contain maps (entry order is not part of the value)" }
        return nil
    }

    static let noArray = Rule.nodes(
        "KEY_NO_ARRAY", .warning, .key,
        rationale: "Arrays make keys of unbounded size and order-sensitive identity.",
        triggering: [
            #"{"type": "record", "name": "K", "fields": [{"name": "ids", "type": {"type": "array", "items": "long"}}]}"#
        ],
        passing: [#"{"type": "record", "name": "K", "fields": [{"name": "id", "type": "long"}]}"#]
    ) { node in
        if case .array = node.kind { return "key schemas should not contain arrays" }
        return nil
    }

    static let noUnion = Rule.nodes(
        "KEY_NO_UNION", .warning, .key,
        rationale: "A union in a key lets equal-looking keys differ by branch, and evolves badly.",
        triggering: [#"{"type": "record", "name": "K", "fields": [{"name": "id", "type": ["long", "string"]}]}"#],
        passing: [#"{"type": "record", "name": "K", "fields": [{"name": "id", "type": "string"}]}"#]
    ) { node in
        guard let branches = node.unionBranches, !branches.contains(where: \.isNull) else { return nil }
        return "key schemas should not contain unions"
    }

    static let all = [noOptionalFields, noDefaults, noFloatingPoint, noMap, noArray, noUnion]
}
