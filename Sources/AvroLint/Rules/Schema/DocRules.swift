import Avro

/// Documentation, opt-in: enable with `"use": ["DOC_PRESENT"]` or a severity for it.
enum DocRules {
    static let docPresent = Rule(
        id: "DOC_PRESENT", defaultSeverity: .info, category: .schema,
        rationale: "Docs on named types and fields become generated code comments and registry documentation.",
        triggeringExamples: [
            #"{"type": "record", "name": "R", "namespace": "n", "fields": [{"name": "a", "type": "int"}]}"#
        ],
        passingExamples: [
            #"{"type": "record", "name": "R", "namespace": "n", "doc": "A thing.", "fields": [{"name": "a", "type": "int", "doc": "Its size."}]}"#
        ],
        enabledByDefault: false
    ) { context in
        var found: [(message: String, location: SourceLocation)] = []
        SchemaWalker.walk(
            context.schema,
            node: { node in
                if let named = node.namedType, node.location == named.location, named.doc == nil {
                    found.append(("type \(named.name) has no doc", named.location))
                }
            },
            field: { field, _ in
                if field.doc == nil { found.append(("field \(field.name) has no doc", field.location)) }
            })
        return found
    }
}
