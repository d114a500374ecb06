import Avro
import AvroTestSupport
import Testing

@testable import AvroRegistry

/// The in-memory registry behind the client: every endpoint the client calls, Confluent's error codes, and the
/// serializers, with no network; `mock://NAME` clients share one registry per name.
struct InMemoryRegistryTests {
    static let order = OrderSchemaTexts.v1
    static let orderV2 = OrderSchemaTexts.v2
    static let orderRequired = OrderSchemaTexts.v2Required

    func expectError(_ code: Int, _ body: () async throws -> Void) async {
        await expectRegistryError(code, body)
    }

    @Test func servesTheClientsEndpoints() async throws {
        let client = SchemaRegistryClient(urls: "http://registry.invalid", transport: InMemoryRegistry())
        #expect(try await client.register(Self.order, under: "orders-value") == 1)
        #expect(try await client.register(Self.order, under: "orders-value") == 1)
        #expect(try await client.register(Self.orderV2, under: "orders-value") == 2)
        #expect(try await client.subjects() == ["orders-value"])
        #expect(try await client.versions(of: "orders-value") == [1, 2])
        #expect(try await client.version(.latest, of: "orders-value").id == 2)
        #expect(try await client.lookup(Self.order, in: "orders-value").version == 1)
        #expect(try await client.schema(id: 1).schema.contains("Order"))
        #expect(try await client.versions(ofSchema: 2).map(\.version) == [2])
        #expect(try await client.referencedBy(.number(1), of: "orders-value") == [])
        let refused = try await client.checkCompatibility(Self.orderRequired, subject: "orders-value", verbose: true)
        #expect(!refused.isCompatible && refused.messages?.isEmpty == false)
        await expectError(409) { _ = try await client.register(Self.orderRequired, under: "orders-value") }
        await expectError(42201) { _ = try await client.register("{", under: "orders-value") }
        await expectError(40401) { _ = try await client.versions(of: "missing") }
        await expectError(40402) { _ = try await client.version(.number(9), of: "orders-value") }
        await expectError(40403) { _ = try await client.schema(id: 99) }
        try await client.setCompatibility(.fullTransitive, subject: "orders-value")
        #expect(try await client.compatibility(subject: "orders-value") == .fullTransitive)
        #expect(try await client.compatibility() == .backward)
        try await client.setMode(.readOnly, subject: "orders-value")
        #expect(try await client.mode(subject: "orders-value") == .readOnly)
        await expectError(42205) { _ = try await client.register(Self.orderRequired, under: "orders-value") }
        try await client.setMode(.readWrite, subject: "orders-value")
        #expect(try await client.deleteVersion(.number(2), of: "orders-value") == 2)
        #expect(try await client.deleteSubject("orders-value") == [1])
        #expect(try await client.deleteSubject("orders-value", permanent: true) == [1, 2])
        #expect(try await client.subjects(deleted: true) == [])
        // A subject holding `/` and a context-qualified subject stay one path segment each.
        #expect(try await client.register(Self.order, under: "a/b") == 1)
        #expect(try await client.register(Self.order, under: ":.ctx:c") >= 1)
        #expect(Set(try await client.subjects()) == ["a/b", ":.ctx:c"])
    }

    @Test func mockURLsShareARegistryPerName() async throws {
        let name = "in-memory-tests-\(UInt64.random(in: 0...UInt64.max))"
        defer { InMemoryRegistry.drop(name) }
        let writer = SchemaRegistryClient(urls: "mock://\(name)")
        let reader = SchemaRegistryClient(urls: "mock://\(name)")
        let other = SchemaRegistryClient(urls: "mock://\(name)-other")
        let schema = try Schema(parsing: Self.orderV2)
        let value = AvroValue.record([.string("o-1"), .union(branch: 1, value: .string("gift"))])
        let message = try await AvroRegistrySerializer(client: writer).serialize(value, schema: schema, topic: "orders")
        let (decoded, writerSchema) = try await AvroRegistryDeserializer(client: reader).deserialize(message)
        #expect(decoded == value && writerSchema.canonicalForm == schema.canonicalForm)
        let old = try await AvroRegistryDeserializer(client: reader).deserialize(
            message, readerSchema: try Schema(parsing: Self.order))
        #expect(old == .record([.string("o-1")]))
        await #expect(throws: FramingError.unknownSchemaID(1)) {
            _ = try await AvroRegistryDeserializer(client: other).deserialize(message)
        }
    }
}
