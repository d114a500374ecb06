import Avro
import AvroRegistry
import AvroTestSupport
import Testing

/// The registry's semantics over the in-memory store, case by case as Confluent's registry behaves.
struct RegistryEngineTests {
    let engine = RegistryEngine(storage: InMemoryRegistryStorage())

    static let v1 = OrderSchemaTexts.v1
    static let v2 = OrderSchemaTexts.v2
    static let v2Required = OrderSchemaTexts.v2Required

    func register(_ schema: String, _ subject: String = "orders-value") async throws -> Int {
        try await engine.register(RegisterSchemaRequest(schema: schema), under: subject)
    }

    func expectError(_ code: Int, _ body: () async throws -> Void) async {
        await expectRegistryError(code, body)
    }

    @Test func registeringTwiceGivesOneIDAndOneVersion() async throws {
        let first = try await register(Self.v1)
        let again = try await register(Self.v1.replacingOccurrences(of: " ", with: ""))
        #expect(first == 1 && again == 1)
        #expect(try await engine.versions(of: "orders-value") == [1])
    }

    @Test func theSameSchemaUnderTwoSubjectsSharesItsID() async throws {
        let a = try await register(Self.v1, "a-value")
        let b = try await register(Self.v1, "b-value")
        #expect(a == b)
        let users = try await engine.versions(ofSchema: a)
        #expect(
            users == [SubjectVersion(subject: "a-value", version: 1), SubjectVersion(subject: "b-value", version: 1)])
    }

    @Test func evolutionGetsTheNextVersionAndIncompatibleChangesAreRefused() async throws {
        _ = try await register(Self.v1)
        let id2 = try await register(Self.v2)
        #expect(id2 == 2)
        let latest = try await engine.version(.latest, of: "orders-value")
        #expect(latest.version == 2 && latest.id == 2)
        do {
            _ = try await register(Self.v2Required)
            Issue.record("registered an incompatible schema")
        } catch let error as RegistryError {
            #expect(error.status == 409 && error.code == 409)
            #expect(error.message.contains("READER_FIELD_MISSING_DEFAULT_VALUE"), "\(error.message)")
            #expect(error.message.contains("{oldSchemaVersion: 2}"))
        }
        #expect(try await engine.versions(of: "orders-value") == [1, 2])
    }

    @Test func transitiveLevelsCheckEveryLiveVersion() async throws {
        let a = #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#
        let b =
            #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"int","default":0}]}"#
        // Reads b's data (b has a) but not a's: "b" has no default here.
        let c = #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"int"}]}"#
        _ = try await register(a, "r")
        _ = try await register(b, "r")
        let plain = try await engine.checkCompatibility(RegisterSchemaRequest(schema: c), subject: "r", version: nil)
        #expect(plain.isCompatible)
        try await engine.setCompatibility(.backwardTransitive, subject: "r")
        let transitive = try await engine.checkCompatibility(
            RegisterSchemaRequest(schema: c), subject: "r", version: nil, verbose: true)
        #expect(!transitive.isCompatible)
        #expect(transitive.messages?.contains("{oldSchemaVersion: 1}") == true)
        #expect(transitive.messages?.last == "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}")
        let againstOne = try await engine.checkCompatibility(
            RegisterSchemaRequest(schema: c), subject: "r", version: .number(2))
        #expect(againstOne.isCompatible && againstOne.messages == nil)
    }

    @Test func deletesAreSoftThenPermanent() async throws {
        _ = try await register(Self.v1)
        _ = try await register(Self.v2)
        await expectError(40407) { _ = try await engine.deleteVersion(.number(1), of: "orders-value", permanent: true) }
        #expect(try await engine.deleteVersion(.number(1), of: "orders-value") == 1)
        await expectError(40402) { _ = try await engine.version(.number(1), of: "orders-value") }
        #expect(try await engine.version(.number(1), of: "orders-value", deleted: true).id == 1)
        #expect(try await engine.versions(of: "orders-value", deleted: true) == [1, 2])
        #expect(try await engine.deleteVersion(.number(1), of: "orders-value", permanent: true) == 1)
        await expectError(40405) { _ = try await engine.deleteSubject("orders-value", permanent: true) }
        #expect(try await engine.deleteSubject("orders-value") == [2])
        await expectError(40404) { _ = try await engine.deleteSubject("orders-value") }
        await expectError(40401) { _ = try await engine.versions(of: "orders-value") }
        #expect(try await engine.subjects() == [])
        #expect(try await engine.subjects(deleted: true) == ["orders-value"])
        #expect(try await engine.deleteSubject("orders-value", permanent: true) == [2])
        await expectError(40401) { _ = try await engine.deleteSubject("orders-value") }
        // Every version of schema 1 and 2 is gone for good: so are the ids.
        await expectError(40403) { _ = try await engine.schema(id: 1) }
    }

    @Test func referencesResolveAndProtectWhatTheyReference() async throws {
        let address =
            #"{"type":"record","name":"Address","namespace":"shop","fields":[{"name":"city","type":"string"}]}"#
        let customer = #"""
            {"type":"record","name":"Customer","namespace":"shop","fields":[{"name":"home","type":"Address"}]}
            """#
        let addressID = try await register(address, "address")
        let reference = SchemaReference(name: "shop.Address", subject: "address", version: 1)
        let id = try await engine.register(
            RegisterSchemaRequest(schema: customer, references: [reference]), under: "customers-value")
        #expect(id != addressID)
        let stored = try await engine.schema(id: id)
        #expect(stored.references == [reference])
        #expect(stored.text.contains(#""type":"shop.Address""#) || stored.text.contains(#""type":"Address""#))
        #expect(!stored.text.contains("city"), "the referenced type is written by name: \(stored.text)")
        #expect(try await engine.referencedBy(.number(1), of: "address") == [id])
        await expectError(42206) { _ = try await engine.deleteVersion(.number(1), of: "address") }
        await expectError(42201) {
            _ = try await engine.register(RegisterSchemaRequest(schema: customer), under: "other-value")
        }
    }

    @Test func invalidSchemasSayWhereWithoutAFileName() async throws {
        do {
            _ = try await register(#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "nope"}]}"#)
            Issue.record("accepted an invalid schema")
        } catch let error as RegistryError {
            #expect(error.code == 42201 && error.status == 422)
            #expect(error.message.hasPrefix("Invalid schema 1:"), "\(error.message)")
            #expect(!error.message.contains(".avsc"))
        }
        await expectError(42201) {
            _ = try await engine.register(RegisterSchemaRequest(schema: "{}", schemaType: "PROTOBUF"), under: "s")
        }
    }

    @Test func lookupFindsTheVersionOrSaysWhich404() async throws {
        _ = try await register(Self.v1)
        let found = try await engine.lookup(RegisterSchemaRequest(schema: Self.v1), in: "orders-value")
        #expect(found.version == 1 && found.id == 1 && found.subject == "orders-value")
        await expectError(40403) {
            _ = try await engine.lookup(RegisterSchemaRequest(schema: Self.v2), in: "orders-value")
        }
        await expectError(40401) { _ = try await engine.lookup(RegisterSchemaRequest(schema: Self.v1), in: "nobody") }
    }

    @Test func configAndModeAreGlobalOrPerSubject() async throws {
        #expect(try await engine.compatibility(subject: nil) == .backward)
        await expectError(40408) { _ = try await engine.compatibility(subject: "s") }
        #expect(try await engine.compatibility(subject: "s", defaultToGlobal: true) == .backward)
        try await engine.setCompatibility(.full, subject: "s")
        #expect(try await engine.compatibility(subject: "s") == .full)
        #expect(try await engine.deleteCompatibility(subject: "s") == .full)
        // As Confluent's registry: deleting a level that is not set is "subject not found".
        await expectError(40401) { _ = try await engine.deleteCompatibility(subject: "s") }
        try await engine.setCompatibility(.none, subject: nil)
        #expect(try await engine.deleteCompatibility(subject: nil) == .none)
        #expect(try await engine.compatibility(subject: nil) == .backward)

        #expect(try await engine.mode(subject: nil) == .readWrite)
        await expectError(40409) { _ = try await engine.mode(subject: "s") }
        try await engine.setMode(.readOnly, subject: "s")
        await expectError(42205) { _ = try await register(Self.v1, "s") }
        _ = try await register(Self.v1, "t")
        #expect(try await engine.deleteMode(subject: "s") == .readOnly)
        await expectError(40401) { _ = try await engine.deleteMode(subject: "s") }
        _ = try await register(Self.v1, "s")
    }

    @Test func importModeTakesGivenIDsAndVersions() async throws {
        await expectError(42205) {
            _ = try await engine.register(RegisterSchemaRequest(schema: Self.v1, id: 100), under: "s")
        }
        try await engine.setMode(.importing, subject: nil)
        let id = try await engine.register(RegisterSchemaRequest(schema: Self.v1, id: 100, version: 7), under: "s")
        #expect(id == 100)
        #expect(try await engine.version(.latest, of: "s").version == 7)
        // No compatibility check in IMPORT mode; a taken id with another schema is refused.
        await expectError(42205) {
            _ = try await engine.register(
                RegisterSchemaRequest(schema: Self.v2Required, id: 100, version: 8), under: "s")
        }
        #expect(
            try await engine.register(RegisterSchemaRequest(schema: Self.v2Required, id: 101, version: 8), under: "s")
                == 101)
        try await engine.setMode(.readWrite, subject: nil)
        await expectError(42205) { try await engine.setMode(.importing, subject: nil) }
        try await engine.setMode(.importing, subject: nil, force: true)
    }

    @Test func versionsAreParsedAsConfluentDoes() throws {
        #expect(try VersionSpec(parsing: "latest") == .latest)
        #expect(try VersionSpec(parsing: "-1") == .latest)
        #expect(try VersionSpec(parsing: "3") == .number(3))
        for bad in ["0", "-2", "x", "2147483648", ""] {
            #expect(throws: RegistryError.invalidVersion(bad)) { try VersionSpec(parsing: bad) }
        }
    }

    @Test func concurrentRegistrationsOfOneSchemaGiveOneIDAndVersion() async throws {
        let ids = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<50 { group.addTask { try await register(Self.v1) } }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(ids == [1])
        #expect(try await engine.versions(of: "orders-value") == [1])
    }
}
