import Testing

@testable import Avro

@Suite struct SchemaParserTests {
    @Test(arguments: ["null", "boolean", "int", "long", "float", "double", "bytes", "string"])
    func parsesPrimitivesInBothForms(name: String) throws {
        #expect(try parse("\"\(name)\"").typeName == name)
        #expect(try parse("{\"type\": \"\(name)\"}").typeName == name)
    }

    @Test func parsesRecordsWithEveryFieldAttribute() throws {
        let schema = try parse(
            """
            {"type": "record", "name": "Order", "namespace": "shop", "doc": "An order.", "aliases": ["Old", "x.Older"],
             "fields": [
               {"name": "id", "type": "long", "doc": "The id.", "order": "descending", "aliases": ["key"]},
               {"name": "note", "type": ["null", "string"], "default": null, "order": "IGNORE"}
             ]}
            """)
        let record = try #require(schema.record)
        #expect(record.name.fullName == "shop.Order")
        #expect(record.doc == "An order.")
        #expect(record.aliases.map(\.fullName) == ["shop.Old", "x.Older"])
        #expect(record.fields.map(\.name) == ["id", "note"])
        #expect(record.fields[0].order == .descending)
        #expect(record.fields[0].aliases == ["key"])
        #expect(record.fields[0].doc == "The id.")
        #expect(record.fields[1].order == .ignore)
        #expect(record.fields[1].defaultValue?.kind == .null)
        #expect(!record.isError)
    }

    @Test func parsesErrorsAsRecords() throws {
        let record = try #require(try parse(#"{"type": "error", "name": "Failure", "fields": []}"#).record)
        #expect(record.isError)
    }

    @Test func parsesEnumsWithDefault() throws {
        let schema = try parse(
            #"{"type": "enum", "name": "Suit", "symbols": ["HEARTS", "SPADES"], "default": "SPADES"}"#)
        #expect(schema.enumeration?.symbols == ["HEARTS", "SPADES"])
        #expect(schema.enumeration?.defaultSymbol == "SPADES")
    }

    @Test func parsesArraysMapsUnionsAndFixed() throws {
        let array = try parse(#"{"type": "array", "items": "int"}"#)
        guard case .array(let items) = array.kind else { Issue.record("not an array"); return }
        #expect(items.typeName == "int")
        let map = try parse(#"{"type": "map", "values": {"type": "array", "items": "string"}}"#)
        guard case .map(let values) = map.kind else { Issue.record("not a map"); return }
        #expect(values.typeName == "array")
        let union = try parse(#"["null", "string", {"type": "fixed", "name": "F", "size": 4}]"#)
        #expect(union.unionBranches?.map(\.branchName) == ["null", "string", "F"])
        #expect(union.unionBranches?[2].fixed?.size == 4)
    }

    @Test func preservesCustomPropertiesInOrder() throws {
        let schema = try parse(
            #"{"type": "record", "name": "R", "x-owner": "team", "fields": [{"name": "a", "type": {"type": "string", "avro.java.string": "String"}, "pii": true}], "x-tags": [1]}"#
        )
        let record = try #require(schema.record)
        #expect(record.properties.keys == ["x-owner", "x-tags"])
        #expect(record.fields[0].properties.keys == ["pii"])
        #expect(record.fields[0].type.properties["avro.java.string"]?.stringValue == "String")
    }

    @Test func parsesTheWrappedReferenceForm() throws {
        let schema = try parse(
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "enum", "name": "E", "symbols": ["X"]}}, {"name": "b", "type": {"type": "E"}}, {"name": "c", "type": {"type": "int"}}]}"#
        )
        let fields = try #require(schema.record?.fields)
        #expect(fields[1].type.enumeration === fields[0].type.enumeration)
        #expect(fields[2].type.typeName == "int")
    }

    /// Apache Avro Java reads a schema object's `type` as text ("No type" otherwise); only a field's `type` may be
    /// a schema object or a union (issue 12).
    @Test(arguments: [
        (#"{"type": {"type": "int"}}"#, "1:10", "type"),
        (#"{"type": ["null", "int"]}"#, "1:10", "type"),
        (#"{"type": "array", "items": {"type": {"type": "int"}}}"#, "1:37", "items.type"),
        (#"["null", {"type": {"type": "record", "name": "R", "fields": []}}]"#, "1:19", "[1].type"),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "f", "type": {"type": {"type": "int"}}}]}"#, "1:75",
            "fields[0].type.type"
        ),
    ])
    func rejectsASchemaObjectWhoseTypeIsNotAName(text: String, position: String, path: String) {
        guard let error = parseError(text) else { return }
        #expect(error.rule == .attributeType, "\(error)")
        #expect(error.description.hasPrefix("test.avsc:\(position): "), "\(error)")
        #expect(error.description.contains("(at \(path))"), "\(error)")
        #expect(error.message.contains("must be a type name"), "\(error)")
    }

    @Test func aFieldTypeMayBeASchemaObjectOrAUnion() throws {
        let schema = try parse(
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "record", "name": "S", "fields": []}}, {"name": "b", "type": ["null", "S"]}, {"name": "c", "type": {"type": "array", "items": "S"}}]}"#
        )
        #expect(schema.record?.fields.map(\.type.typeName) == ["record", "union", "array"])
    }

    @Test func keepsThePositionAndPathOfEveryNode() throws {
        let schema = try parse(
            """
            {"type": "record", "name": "R",
             "fields": [
               {"name": "a", "type": ["null", "int"]}
             ]}
            """)
        let field = try #require(schema.record?.fields[0])
        #expect(field.location.position == SourcePosition(line: 3, column: 4))
        #expect(field.location.path.description == "fields[0]")
        #expect(field.type.location.position == SourcePosition(line: 3, column: 26))
        #expect(field.type.unionBranches?[1].location.path.description == "fields[0].type[1]")
        #expect(field.type.unionBranches?[1].location.description == "test.avsc:3:35")
    }

    @Test func parsesRecursiveTypes() throws {
        let schema = try parse(
            #"{"type": "record", "name": "Node", "fields": [{"name": "children", "type": {"type": "array", "items": "Node"}}, {"name": "next", "type": ["null", "Node"], "default": null}]}"#
        )
        let record = try #require(schema.record)
        guard case .array(let items) = record.fields[0].type.kind else { Issue.record("not an array"); return }
        #expect(items.record == record)
        #expect(record.fields[1].type.unionBranches?[1].record == record)
    }

    static let recursive =
        #"{"type": "record", "name": "Node", "fields": [{"name": "children", "type": {"type": "array", "items": "Node"}}]}"#

    @Test func recursiveSchemasAreFreedWithTheirLastUse() throws {
        weak var storage: RecordStorage?
        do {
            let schema = try parse(Self.recursive)
            storage = schema.record?.storage
            #expect(storage != nil)
        }
        #expect(storage == nil)
    }

    @Test func anInnerNodeKeepsItsWholeSchemaAlive() throws {
        func innerItems() throws -> Schema {
            let schema = try parse(Self.recursive)
            let kind = try #require(schema.record?.fields[0].type.kind)
            guard case .array(let items) = kind else { fatalError("not an array") }
            return items
        }
        let items = try innerItems()
        #expect(items.record?.name.fullName == "Node")
        #expect(items.record?.fields.first?.name == "children")
    }

    @Test(arguments: [
        (#"{"name": "R", "fields": []}"#, SchemaError.Rule.missingAttribute, "\"type\""),
        (#"{"type": "record", "fields": []}"#, .missingAttribute, "name"),
        (#"{"type": "record", "name": "R"}"#, .missingAttribute, "fields"),
        (#"{"type": "record", "name": "R", "fields": {}}"#, .attributeType, "fields"),
        (#"{"type": "record", "name": "R", "fields": [{"name": "a"}]}"#, .missingAttribute, "type"),
        (#"{"type": "record", "name": "R", "fields": [{"type": "int"}]}"#, .missingAttribute, "name"),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "int"}]}"#,
            .duplicateField, "duplicate"
        ),
        (#"{"type": "record", "name": "R", "fields": [{"name": "a-b", "type": "int"}]}"#, .invalidName, "a-b"),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "order": "up"}]}"#, .invalidOrder,
            "order"
        ),
        (#"{"type": "enum", "name": "E", "symbols": ["A", "A"]}"#, .duplicateSymbol, "duplicate"),
        (#"{"type": "enum", "name": "E", "symbols": ["1A"]}"#, .invalidSymbol, "1A"),
        (#"{"type": "enum", "name": "E", "symbols": ["A"], "default": "B"}"#, .enumDefault, "default"),
        (#"{"type": "enum", "name": "E"}"#, .missingAttribute, "symbols"),
        (#"{"type": "fixed", "name": "F"}"#, .missingAttribute, "size"),
        (#"{"type": "fixed", "name": "F", "size": -1}"#, .fixedSize, "size"),
        (#"{"type": "fixed", "name": "F", "size": "16"}"#, .fixedSize, "size"),
        (#"{"type": "fixed", "name": "F", "size": 1.5}"#, .fixedSize, "size"),
        (#"{"type": "array"}"#, .missingAttribute, "items"),
        (#"{"type": "map"}"#, .missingAttribute, "values"),
        (#""Unknown""#, .unknownType, "Unknown"),
        (#"{"type": "Unknown"}"#, .unknownType, "Unknown"),
        (#"42"#, .attributeType, "not a number"),
        (#"["int", ["null", "string"]]"#, .unionBranches, "another union"),
        (#"["int", "int"]"#, .unionBranches, "repeats"),
        (#"[{"type": "array", "items": "int"}, {"type": "array", "items": "long"}]"#, .unionBranches, "repeats"),
        (#"[{"type": "fixed", "name": "F", "size": 1}, "F"]"#, .unionBranches, "repeats"),
        (#"{"type": "record", "name": "int", "fields": []}"#, .primitiveName, "primitive"),
        (#"{"type": "fixed", "name": "x.string", "size": 1}"#, .primitiveName, "primitive"),
        (#"{"type": "record", "name": "1R", "fields": []}"#, .invalidName, "1R"),
        (#"{"type": "record", "name": "R", "namespace": "a..b", "fields": []}"#, .invalidNamespace, "a..b"),
        (#"{"type": "record", "name": "a.1b.R", "fields": []}"#, .invalidNamespace, "a.1b"),
        (#"{"type": "record", "name": "R", "namespace": 3, "fields": []}"#, .attributeType, "namespace"),
        (#"{"type": "record", "name": "R", "aliases": "S", "fields": []}"#, .attributeType, "aliases"),
        (#"{"type": "record", "name": "R", "aliases": ["a b"], "fields": []}"#, .invalidName, "alias"),
        (
            #"[{"type": "enum", "name": "E", "symbols": ["A"]}, {"type": "fixed", "name": "E", "size": 1}]"#,
            .redefinedName, "already defined"
        ),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "Later"}, {"name": "b", "type": {"type": "fixed", "name": "Later", "size": 1}}]}"#,
            .unknownType, "before its definition"
        ),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "default": "x"}]}"#,
            .invalidDefault, "int"
        ),
    ])
    func rejectsInvalidSchemas(text: String, rule: SchemaError.Rule, mention: String) {
        guard let error = parseError(text) else { return }
        #expect(error.rule == rule, "\(error)")
        #expect(error.description.contains(mention), "\(error)")
    }

    @Test func errorsSayFileLineColumnPathAndRule() {
        let error = parseError(
            """
            {"type": "record", "name": "R",
             "fields": [{"name": "a", "type": "int"},
                        {"name": "b", "type": "Nope"}]}
            """)
        #expect(error?.description == "test.avsc:3:35: unknown type \"Nope\" (at fields[1].type) [unknown-type]")
    }

    @Test func reportsJSONSyntaxErrorsWithTheirPosition() {
        let error = parseError("{\"type\": \"int\",\n}")
        #expect(error?.rule == .json)
        #expect(error?.location.description == "test.avsc:2:1")
    }
}
