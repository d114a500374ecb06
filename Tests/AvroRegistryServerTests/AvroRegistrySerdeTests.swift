import Avro
import AvroRegistry
import AvroTooling
import Foundation
import ShopModels
import Testing

/// The registry serializer and deserializer, with the generated shop models, against the embedded server.
struct AvroRegistrySerdeTests {
    static func order(_ index: Int) -> Order {
        Order(
            id: UUID(uuidString: "00000000-0000-4000-8000-" + String(100_000_000_000 + index))!,
            timestamp: AvroTimestampMillis(ticksSinceEpoch: 1_700_000_000_000 + Int64(index)),
            status: .paid, currency: "EUR", attributes: ["n": "\(index)", "a": "b"])
    }

    /// The orders value schema as a team's next version writes it: a new optional field first and `total` moved,
    /// so reading it as `Order` reorders fields and drops one.
    static func orderV2() throws -> Schema {
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(Order.avroSchema.jsonText.utf8)) as? [String: Any])
        var fields = try #require(json["fields"] as? [[String: Any]])
        let total = fields.remove(at: 5)
        fields.insert(total, at: 0)
        fields.insert(["name": "channel", "type": ["null", "string"], "default": NSNull()], at: 1)
        json["fields"] = fields
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        return try Schema(parsing: text)
    }

    @Test func roundTripsModelsWithOneRegistrationAndOneFetchPerID() async throws {
        try await withRegistryServer { url in
            let transport = CountingTransport()
            let client = testClient(url, transport: transport)
            let serializer = AvroRegistrySerializer(client: client)
            let keySerializer = AvroRegistrySerializer(client: client, configuration: .init(isKey: true))
            let orders = (0..<50).map(Self.order)
            // Hundreds of tasks serializing at once: one registration.
            let messages = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
                for _ in 0..<6 {
                    for (index, order) in orders.enumerated() {
                        group.addTask { (index, try await serializer.serialize(order, topic: "orders")) }
                    }
                }
                var messages: [Int: [UInt8]] = [:]
                for try await (index, message) in group { messages[index] = message }
                return (0..<orders.count).map { messages[$0] ?? [] }
            }
            let key = try await keySerializer.serialize(OrderKey(id: orders[0].id), topic: "orders")
            #expect(transport.count("POST", "/subjects/orders-value/versions") == 1)
            #expect(try await client.subjects() == ["orders-key", "orders-value"])
            let id = try await client.latestVersion(of: "orders-value").id
            #expect(Array(messages[0].prefix(5)) == ConfluentWireFormat.header(schemaID: Int32(id)))
            #expect(Array(messages[0].dropFirst(5)) == (try orders[0].avroEncoded()))

            // A fresh client: hundreds of concurrent reads fetch each writer schema once.
            let readTransport = CountingTransport()
            let deserializer = AvroRegistryDeserializer(client: testClient(url, transport: readTransport))
            let decoded = try await withThrowingTaskGroup(of: (Int, Order).self) { group in
                for _ in 0..<6 {
                    for (index, message) in messages.enumerated() {
                        group.addTask { (index, try await deserializer.deserialize(message, as: Order.self)) }
                    }
                }
                var decoded: [Int: Order] = [:]
                for try await (index, order) in group { decoded[index] = order }
                return decoded
            }
            #expect((0..<orders.count).map { decoded[$0] } == orders)
            #expect(try await deserializer.deserialize(key, as: OrderKey.self) == OrderKey(id: orders[0].id))
            #expect(readTransport.count("GET", "/schemas/ids/\(id)") == 1)
            #expect(readTransport.total == 2)
        }
    }

    @Test func resolvesANewerWriterIntoTheOlderModel() async throws {
        try await withRegistryServer { url in
            let client = testClient(url)
            let v2 = try Self.orderV2()
            // v1 first (as the generated model), then v2 through the generic serializer: a compatible evolution.
            _ = try await AvroRegistrySerializer(client: client).serialize(Self.order(0), topic: "orders")
            let serializer = AvroRegistrySerializer(client: client)
            let deserializer = AvroRegistryDeserializer(client: client)
            var generator = SeededRandom(seed: 3)
            let resolving = try AvroGenericCodec(writer: v2, reader: Order.avroSchema)
            for _ in 0..<200 {
                let value = try AvroValue.random(for: v2, using: &generator)
                let message = try await serializer.serialize(value, schema: v2, topic: "orders")
                let order = try await deserializer.deserialize(message, as: Order.self)
                let expected = try Order(
                    avroEncoded: try resolving.encode(try resolving.decode(Array(message.dropFirst(5)))))
                #expect(order == expected)
                let (writerValue, writerSchema) = try await deserializer.deserialize(message)
                #expect(writerValue == value && writerSchema.canonicalForm == v2.canonicalForm)
            }
            #expect(try await client.versions(of: "orders-value") == [1, 2])
        }
    }

    @Test func framingErrorsAreTyped() async throws {
        try await withRegistryServer { url in
            let deserializer = AvroRegistryDeserializer(client: testClient(url))
            await #expect(throws: FramingError.wrongMagic(expected: [0], found: [1])) {
                _ = try await deserializer.deserialize([1, 0, 0, 0, 1, 2], as: OrderKey.self)
            }
            await #expect(throws: FramingError.truncated(needed: 5, found: 3)) {
                _ = try await deserializer.deserialize([0, 0, 0], as: OrderKey.self)
            }
            await #expect(throws: FramingError.unknownSchemaID(4242)) {
                _ = try await deserializer.deserialize(
                    ConfluentWireFormat.header(schemaID: 4242) + [2], as: OrderKey.self)
            }
        }
    }

    @Test func policiesAndStrategies() async throws {
        try await withRegistryServer { url in
            let client = testClient(url)
            var lookupOnly = AvroRegistrySerializer.Configuration()
            lookupOnly.autoRegister = false
            await #expect(throws: RegistryError.self) {
                _ = try await AvroRegistrySerializer(client: client, configuration: lookupOnly)
                    .serialize(Self.order(0), topic: "orders")
            }
            var byRecord = AvroRegistrySerializer.Configuration()
            byRecord.subjectNameStrategy = .recordName
            _ = try await AvroRegistrySerializer(client: client, configuration: byRecord)
                .serialize(Self.order(0), topic: "orders")
            var byTopicRecord = AvroRegistrySerializer.Configuration()
            byTopicRecord.subjectNameStrategy = .topicRecordName
            _ = try await AvroRegistrySerializer(client: client, configuration: byTopicRecord)
                .serialize(Self.order(0), topic: "orders")
            #expect(
                try await client.subjects() == [
                    "com.example.shop.orders.Order", "orders-com.example.shop.orders.Order",
                ])
            await #expect(throws: RegistrySerdeError.unnamedRoot(strategy: "RecordNameStrategy", schema: "string")) {
                _ = try await AvroRegistrySerializer(client: client, configuration: byRecord)
                    .serialize(.string("k"), schema: try Schema(parsing: #""string""#), topic: "t")
            }
            // The lookup finds what is registered now.
            var lookupByRecord = byRecord
            lookupByRecord.autoRegister = false
            let message = try await AvroRegistrySerializer(client: client, configuration: lookupByRecord)
                .serialize(Self.order(1), topic: "other")
            #expect(try await AvroRegistryDeserializer(client: client).deserialize(message).value != .null)

            // Use latest: the v2 registered under the subject is written, resolved from the model's schema.
            let v2 = try Self.orderV2()
            _ = try await client.register(v2.jsonText, under: "orders-value")
            _ = try await client.register(Order.avroSchema.jsonText, under: "orders-value")
            try await client.setCompatibility(.none, subject: "orders-value")
            let v3 = try await client.register(
                v2.jsonText.replacingOccurrences(of: "\"channel\"", with: "\"via\""), under: "orders-value")
            var latest = AvroRegistrySerializer.Configuration()
            latest.useLatestVersion = true
            let written = try await AvroRegistrySerializer(client: client, configuration: latest)
                .serialize(Self.order(2), topic: "orders")
            #expect(Array(written.prefix(5)) == ConfluentWireFormat.header(schemaID: Int32(v3)))
            #expect(
                try await AvroRegistryDeserializer(client: client).deserialize(written, as: Order.self) == Self.order(2)
            )
        }
    }
}
