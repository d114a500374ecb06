import Avro

/// Names that generated code, SQL engines and people read the same way.
enum NamingRules {
    static func isPascalCase(_ name: String) -> Bool {
        guard let first = name.first, first.isUppercase else { return false }
        return !name.contains("_")
    }

    static func isCamelOrSnakeCase(_ name: String) -> Bool {
        guard let first = name.first, first.isLowercase || first == "_" else { return false }
        return !(name.contains("_") && name.contains(where: \.isUppercase))
    }

    static func isUpperSnakeCase(_ name: String) -> Bool {
        !name.contains(where: \.isLowercase)
    }

    static let typeNames = Rule.nodes(
        "NAMING_TYPE_PASCAL_CASE", .info, .schema, rationale: "Type names become Swift, Java and Go type names.",
        triggering: [
            #"{"type": "record", "name": "order_line", "namespace": "shop", "fields": [{"name": "a", "type": "int"}]}"#
        ],
        passing: [
            #"{"type": "record", "name": "OrderLine", "namespace": "shop", "fields": [{"name": "a", "type": "int"}]}"#
        ]
    ) { node in
        guard let named = node.namedType, node.location == named.location, !isPascalCase(named.name.name) else {
            return nil
        }
        return "type name \(named.name.name) should be PascalCase"
    }

    static let fieldNames = Rule(
        id: "NAMING_FIELD_CASE", defaultSeverity: .info, category: .schema,
        rationale: "Field names in one consistent style (camelCase or snake_case) map cleanly to code and columns.",
        triggeringExamples: [#"{"type": "record", "name": "R", "fields": [{"name": "Order_Id", "type": "int"}]}"#],
        passingExamples: [
            #"{"type": "record", "name": "R", "fields": [{"name": "orderId", "type": "int"}, {"name": "order_id2", "type": "int"}]}"#
        ]
    ) { context in
        var found: [(message: String, location: SourceLocation)] = []
        SchemaWalker.walk(
            context.schema, node: { _ in },
            field: { field, _ in
                if !isCamelOrSnakeCase(field.name) {
                    found.append(("field name \(field.name) should be camelCase or snake_case", field.location))
                }
            })
        return found
    }

    static let symbols = Rule.nodes(
        "NAMING_SYMBOL_UPPER_SNAKE", .info, .schema, rationale: "Enum symbols read as constants.",
        triggering: [#"{"type": "enum", "name": "E", "symbols": ["Active"], "default": "Active"}"#],
        passing: [#"{"type": "enum", "name": "E", "symbols": ["ACTIVE", "ON_HOLD"], "default": "ACTIVE"}"#]
    ) { node in
        guard case .enumeration(let enumeration) = node.kind, node.location == enumeration.location else { return nil }
        let bad = enumeration.symbols.filter { !isUpperSnakeCase($0) }
        return bad.isEmpty ? nil : "enum symbols \(bad.joined(separator: ", ")) should be UPPER_SNAKE_CASE"
    }

    static let namespaces = Rule.nodes(
        "NAMESPACE_PRESENT", .warning, .schema,
        rationale:
            "Types without a namespace collide across teams and generated modules; namespaces are lower dot-case.",
        triggering: [
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"#,
            #"{"type": "record", "name": "R", "namespace": "Com.Shop", "fields": [{"name": "a", "type": "int"}]}"#,
        ],
        passing: [
            #"{"type": "record", "name": "R", "namespace": "com.shop", "fields": [{"name": "a", "type": "int"}]}"#
        ]
    ) { node in
        guard let named = node.namedType, node.location == named.location else { return nil }
        guard let namespace = named.name.namespace else { return "type \(named.name.name) should have a namespace" }
        return namespace == namespace.lowercased() ? nil : "namespace \(namespace) should be lower dot-case"
    }

    static let all = [typeNames, fieldNames, symbols, namespaces]
}
