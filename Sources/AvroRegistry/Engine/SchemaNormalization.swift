import Avro

/// `normalize=true`: Confluent's normalization for Avro, by its effect — custom properties in key order and
/// aliases sorted, so schemas that differ only there get one id. (Whitespace, attribute order and how names are
/// spelled are already normalized by storing the parsed schema's own text.)
enum SchemaNormalization {
    private static let schemaKeys: Set<String> = [
        "type", "name", "namespace", "doc", "fields", "symbols", "items", "values", "size", "default", "aliases",
        "logicalType", "precision", "scale",
    ]
    private static let fieldKeys: Set<String> = ["name", "type", "doc", "default", "order", "aliases"]

    /// The normalized text of a schema's compact JSON text.
    static func normalize(_ text: String) -> String {
        guard let value = try? JSONParser().parse(bytes: Array(text.utf8)) else { return text }
        return JSONWriter.string(schema(value))
    }

    private static func schema(_ value: JSONValue) -> JSONValue {
        switch value.kind {
        case .array(let branches): return JSONValue(.array(branches.map(schema)))
        case .object(let object): return JSONValue(.object(sorted(object, reserved: schemaKeys, field: false)))
        default: return value
        }
    }

    private static func sorted(_ object: JSONObject, reserved: Set<String>, field: Bool) -> JSONObject {
        var kept: [JSONObject.Member] = []
        var properties: [JSONObject.Member] = []
        for var member in object.members {
            guard reserved.contains(member.key) else {
                properties.append(member)
                continue
            }
            switch member.key {
            case "type" where field, "items", "values":
                member.value = schema(member.value)
            case "type":
                if case .object = member.value.kind { member.value = schema(member.value) }
            case "fields":
                if case .array(let fields) = member.value.kind {
                    member.value = JSONValue(
                        .array(
                            fields.map { field in
                                guard case .object(let object) = field.kind else { return field }
                                return JSONValue(.object(sorted(object, reserved: fieldKeys, field: true)))
                            }))
                }
            case "aliases":
                if case .array(let aliases) = member.value.kind {
                    member.value = JSONValue(.array(aliases.sorted { ($0.stringValue ?? "") < ($1.stringValue ?? "") }))
                }
            default:
                break
            }
            kept.append(member)
        }
        return JSONObject(members: kept + properties.sorted { $0.key < $1.key })
    }
}
