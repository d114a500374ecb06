import Avro

/// The parts of a key should be in its value, required and of the same type, so a value is self-describing and
/// the key can be rebuilt from it (re-keying, joins, sinks).
enum KeyValueConsistent {
    static let rule = Rule(
        id: "KEY_VALUE_CONSISTENT", defaultSeverity: .warning, category: .key,
        rationale:
            "Key fields missing from the value, optional there or of another type make the value unable to rebuild its key.",
        triggeringExamples: [],
        passingExamples: []
    ) { context in
        guard context.role == .key, case .record(let key)? = Optional(context.schema.kind),
            let value = context.pairedValue, case .record(let valueRecord) = value.kind
        else { return [] }
        var found: [(message: String, location: SourceLocation)] = []
        for field in key.fields {
            guard let counterpart = valueRecord.field(named: field.name) else {
                found.append(
                    (
                        "key field \(field.name) is not in the value schema of topic \(context.topic ?? "?")",
                        field.location
                    ))
                continue
            }
            if SchemaWalker.isNullable(counterpart.type) {
                found.append(
                    ("key field \(field.name) is optional in the value schema; make it required there", field.location))
            } else if counterpart.type.canonicalForm != field.type.canonicalForm {
                found.append(
                    (
                        "key field \(field.name) has another type in the value schema (\(counterpart.type.branchName))",
                        field.location
                    ))
            }
        }
        return found
    }
}
