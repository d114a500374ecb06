import Avro

/// Nullable unions written the one way every Avro version reads the same.
enum UnionAndDefaultRules {
    static let nullFirst = Rule(
        id: "NULLABLE_UNION_NULL_FIRST", defaultSeverity: .warning, category: .schema,
        rationale:
            "Avro 1.11 reads a union default as its first branch; a nullable field is portable only as [\"null\", T] with default null.",
        triggeringExamples: [
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["string", "null"], "default": "x"}]}"#
        ],
        passingExamples: [
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "string"], "default": null}]}"#
        ]
    ) { context in
        var found: [(message: String, location: SourceLocation)] = []
        SchemaWalker.walk(
            context.schema, node: { _ in },
            field: { field, _ in
                guard let branches = field.type.unionBranches, branches.contains(where: \.isNull) else { return }
                if !branches[0].isNull {
                    found.append(("the nullable union of \(field.name) should list null first", field.type.location))
                } else if let value = field.defaultValue, value.kind != .null {
                    found.append(
                        (
                            "the nullable field \(field.name) should default to null",
                            value.positionLocation(field.location)
                        ))
                }
            })
        return found
    }

    static let defaultFirstBranch = Rule(
        id: "UNION_DEFAULT_FIRST_BRANCH", defaultSeverity: .warning, category: .schema,
        rationale: "Avro 1.12 and Java accept a union default of any branch; Avro 1.11 and many tools only the first.",
        triggeringExamples: [
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "string"], "default": "x"}]}"#
        ],
        passingExamples: [
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["string", "null"], "default": "x"}]}"#
        ]
    ) { context in
        var found: [(message: String, location: SourceLocation)] = []
        SchemaWalker.walk(
            context.schema, node: { _ in },
            field: { field, _ in
                guard let branches = field.type.unionBranches, let value = field.defaultValue,
                    let first = branches.first,
                    AvroValue(defaultValue: value, schema: first) == nil
                else { return }
                found.append(
                    (
                        "the default of \(field.name) does not match the union's first branch (\(first.branchName))",
                        value.positionLocation(field.location)
                    ))
            })
        return found
    }

    static let enumHasDefault = Rule.nodes(
        "ENUM_HAS_DEFAULT", .warning, .schema,
        rationale: "Without an enum default, a reader fails on any symbol added later.",
        triggering: [#"{"type": "enum", "name": "E", "symbols": ["A", "B"]}"#],
        passing: [#"{"type": "enum", "name": "E", "symbols": ["UNKNOWN", "A"], "default": "UNKNOWN"}"#]
    ) { node in
        guard case .enumeration(let enumeration) = node.kind, enumeration.defaultSymbol == nil else { return nil }
        return "enum \(enumeration.name) should have a default symbol so readers survive new symbols"
    }

    static let all = [nullFirst, defaultFirstBranch, enumHasDefault]
}

extension JSONValue {
    /// The location of this value inside `field`'s file.
    func positionLocation(_ field: SourceLocation) -> SourceLocation {
        SourceLocation(file: field.file, position: position, path: field.path.appending("default"))
    }
}
