import Testing

@testable import Avro

@Suite struct SchemaSetTests {
    let address =
        #"{"type": "record", "name": "Address", "namespace": "shop", "fields": [{"name": "city", "type": "string"}]}"#
    let customer =
        #"{"type": "record", "name": "Customer", "namespace": "shop", "fields": [{"name": "home", "type": "Address"}, {"name": "kind", "type": "shop.Kind"}]}"#
    let kind = #"{"type": "enum", "name": "Kind", "namespace": "shop", "symbols": ["PERSON", "COMPANY"]}"#

    private func sources(_ files: [(String, String)]) -> [(name: String, bytes: [UInt8])] {
        files.map { ($0.0, Array($0.1.utf8)) }
    }

    @Test func namesResolveAcrossFilesInAnyOrder() throws {
        let orders = [
            [("customer.avsc", customer), ("address.avsc", address), ("kind.avsc", kind)],
            [("address.avsc", address), ("kind.avsc", kind), ("customer.avsc", customer)],
            [("kind.avsc", kind), ("customer.avsc", customer), ("address.avsc", address)],
        ]
        for order in orders {
            let set = try SchemaSet(sources: sources(order))
            #expect(set.files.map(\.name) == order.map(\.0))
            let root = try #require(set.files.first { $0.name == "customer.avsc" }?.root.record)
            #expect(root.fields[0].type.record == set.namedType("shop.Address") as? RecordSchema)
            #expect(set.namedTypes.count == 3)
        }
    }

    @Test func theCanonicalFormInlinesTypesFromOtherFiles() throws {
        let set = try SchemaSet(
            sources: sources([("customer.avsc", customer), ("address.avsc", address), ("kind.avsc", kind)]))
        #expect(
            set.files[0].root.canonicalForm
                == #"{"name":"shop.Customer","type":"record","fields":[{"name":"home","type":{"name":"shop.Address","type":"record","fields":[{"name":"city","type":"string"}]}},{"name":"kind","type":{"name":"shop.Kind","type":"enum","symbols":["PERSON","COMPANY"]}}]}"#
        )
    }

    @Test func aTypeDefinedTwiceAcrossFilesIsAnError() {
        #expect {
            try SchemaSet(sources: sources([("a.avsc", address), ("b.avsc", address)]))
        } throws: { error in
            let errors = (error as? SchemaSet.Errors)?.errors ?? []
            return errors.count == 1 && errors[0].rule == .redefinedName && errors[0].location.file == "b.avsc"
        }
    }

    @Test func filesThatNeedEachOtherInACycleAreAnError() {
        let first =
            #"{"type": "record", "name": "A", "fields": [{"name": "b", "type": "B"}, {"name": "x", "type": {"type": "fixed", "name": "X", "size": 1}}]}"#
        let second = #"{"type": "record", "name": "B", "fields": [{"name": "x", "type": "X"}]}"#
        #expect(throws: SchemaSet.Errors.self) {
            try SchemaSet(sources: sources([("a.avsc", first), ("b.avsc", second)]))
        }
    }

    @Test func everyInvalidFileIsReported() {
        #expect {
            try SchemaSet(sources: sources([("a.avsc", "{"), ("b.avsc", address), ("c.avsc", #""Missing""#)]))
        } throws: { error in
            let errors = (error as? SchemaSet.Errors)?.errors ?? []
            return errors.map(\.location.file) == ["a.avsc", "c.avsc"]
        }
    }

    @Test func aFileThatUsesAnInvalidFileSaysSo() {
        let broken =
            #"{"type": "record", "name": "Address", "namespace": "shop", "fields": [{"name": "city", "type": "strin"}]}"#
        #expect {
            try SchemaSet(
                sources: sources([("customer.avsc", customer), ("address.avsc", broken), ("kind.avsc", kind)]))
        } throws: { error in
            let errors = (error as? SchemaSet.Errors)?.errors ?? []
            return errors.count == 2
                && errors.contains { $0.rule == .fileDependency && $0.message.contains("address.avsc") }
        }
    }
}
