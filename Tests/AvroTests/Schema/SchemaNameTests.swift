import Testing

@testable import Avro

@Suite struct SchemaNameTests {
    @Test func innerTypesInheritTheNearestNamespace() throws {
        let schema = try parse(
            """
            {"type": "record", "name": "Outer", "namespace": "a.b", "fields": [
              {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [
                {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["X"]}}]}},
              {"name": "other", "type": {"type": "fixed", "name": "F", "namespace": "c", "size": 1}},
              {"name": "dotted", "type": {"type": "fixed", "name": "d.G", "namespace": "ignored", "size": 1}},
              {"name": "global", "type": {"type": "fixed", "name": "H", "namespace": "", "size": 1}}
            ]}
            """)
        let fields = try #require(schema.record?.fields)
        let inner = try #require(fields[0].type.record)
        #expect(inner.name.fullName == "a.b.Inner")
        #expect(inner.fields[0].type.enumeration?.name.fullName == "a.b.E")
        #expect(fields[1].type.fixed?.name.fullName == "c.F")
        #expect(fields[2].type.fixed?.name.fullName == "d.G")
        #expect(fields[3].type.fixed?.name.fullName == "H")
        #expect(fields[3].type.fixed?.name.namespace == nil)
    }

    @Test func simpleReferencesFallBackToTheNullNamespace() throws {
        let schema = try parse(
            """
            {"type": "record", "name": "Outer", "namespace": "outer", "fields": [
              {"name": "a", "type": {"type": "record", "name": "Inner", "namespace": "", "fields": []}},
              {"name": "b", "type": "Inner"}
            ]}
            """)
        let fields = try #require(schema.record?.fields)
        #expect(fields[1].type.record == fields[0].type.record)
    }

    @Test func referencesPreferTheEnclosingNamespace() throws {
        let schema = try parse(
            """
            [{"type": "fixed", "name": "F", "size": 1},
             {"type": "record", "name": "R", "namespace": "n", "fields": [
               {"name": "a", "type": {"type": "fixed", "name": "F", "size": 2}},
               {"name": "b", "type": "F"},
               {"name": "c", "type": "n.F"}
             ]}]
            """)
        let fields = try #require(schema.unionBranches?[1].record?.fields)
        #expect(fields[1].type.fixed?.size == 2)
        #expect(fields[2].type.fixed?.size == 2)
    }

    @Test func aliasesAreRelativeToTheTypesNamespace() throws {
        let schema = try parse(
            #"{"type": "enum", "name": "E", "namespace": "n", "aliases": ["Old", "m.Other"], "symbols": ["A"]}"#)
        #expect(schema.enumeration?.aliases.map(\.fullName) == ["n.Old", "m.Other"])
    }

    @Test(arguments: ["a", "_", "A_1", "_9z"])
    func acceptsValidNames(name: String) {
        #expect(SchemaName.isValidName(name))
    }

    @Test(arguments: ["", "1a", "a-b", "a.b", "é", "a b"])
    func rejectsInvalidNames(name: String) {
        #expect(!SchemaName.isValidName(name))
    }

    @Test func namespacesAreDottedNames() {
        #expect(SchemaName.isValidNamespace(""))
        #expect(SchemaName.isValidNamespace("com.example_1"))
        #expect(!SchemaName.isValidNamespace("com..example"))
        #expect(!SchemaName.isValidNamespace(".com"))
        #expect(!SchemaName.isValidNamespace("com.1x"))
    }
}
