import Avro
import AvroRegistry
import BenchModels
import Foundation

/// The registry serializer and deserializer with warm caches (an in-memory registry, so no I/O is timed), against
/// the bare generated encode and decode of the same orders: what framing and id resolution add per message.
enum RegistryBenchmarks {
    static let serialize = "registry serialize"
    static let deserialize = "registry deserialize"
    static let deserializeNewer = "registry deserialize (newer writer)"

    static func run(_ workload: Workload) async throws -> [Measurement] {
        let count = workload.orders.count
        let orders = workload.orders
        let plain = try orders.map { try $0.avroEncoded() }
        let totalBytes = plain.reduce(0) { $0 + $1.count }
        let framedBytes = totalBytes + count * ConfluentWireFormat.headerSize
        let schema = workload.schema

        let client = SchemaRegistryClient(urls: "mock://bench-\(UUID())")
        let serializer = AvroRegistrySerializer(client: client)
        _ = try await serializer.serialize(orders[0], topic: "orders")
        _ = try await serializer.serialize(workload.values[0], schema: schema, topic: "orders")
        let generatedSerialize = try await measureAsync(
            serialize, "swift-avro generated", items: count, bytes: framedBytes
        ) {
            try await orders.asyncMap { try await serializer.serialize($0, topic: "orders") }
        }
        let genericSerialize = try await measureAsync(serialize, "swift-avro generic", items: count, bytes: framedBytes)
        {
            try await workload.values.asyncMap { try await serializer.serialize($0, schema: schema, topic: "orders") }
        }

        // A newer writer: the registry holds v2 (a new field first, one field moved), so every read resolves.
        let v2 = try evolved(Order.avroSchema)
        _ = try await client.register(v2.jsonText, under: "orders-value")
        let v2ID = try await client.latestVersion(of: "orders-value").id
        let toV2 = try AvroTranscoder(writer: Order.avroSchema, reader: v2)
        let newerMessages = try plain.map {
            ConfluentWireFormat.frame(try toV2.transcode($0), schemaID: Int32(v2ID))
        }
        let newerBytes = newerMessages.reduce(0) { $0 + $1.count }
        let sameMessages = try await orders.asyncMap { try await serializer.serialize($0, topic: "orders") }
        let deserializer = AvroRegistryDeserializer(client: client)
        let resolved = try await newerMessages.asyncMap { try await deserializer.deserialize($0, as: Order.self) }
        precondition(resolved == orders, "resolved orders differ")
        _ = try await deserializer.deserialize(sameMessages[0], as: Order.self)
        _ = try await deserializer.deserialize(sameMessages[0])
        _ = try await deserializer.deserialize(newerMessages[0], readerSchema: schema)
        let generatedDeserialize = try await measureAsync(
            deserialize, "swift-avro generated", items: count, bytes: framedBytes
        ) {
            try await sameMessages.asyncMap { try await deserializer.deserialize($0, as: Order.self) }
        }
        let genericDeserialize = try await measureAsync(
            deserialize, "swift-avro generic", items: count, bytes: framedBytes
        ) {
            try await sameMessages.asyncMap { try await deserializer.deserialize($0).value }
        }
        let generatedNewer = try await measureAsync(
            deserializeNewer, "swift-avro generated", items: count, bytes: newerBytes
        ) {
            try await newerMessages.asyncMap { try await deserializer.deserialize($0, as: Order.self) }
        }
        let genericNewer = try await measureAsync(
            deserializeNewer, "swift-avro generic", items: count, bytes: newerBytes
        ) {
            try await newerMessages.asyncMap { try await deserializer.deserialize($0, readerSchema: schema) }
        }
        return [
            generatedSerialize, genericSerialize, generatedDeserialize, genericDeserialize, generatedNewer,
            genericNewer,
        ]
    }

    /// `schema` with a new optional field first and its last field moved to the front.
    static func evolved(_ schema: Schema) throws -> Schema {
        var json = try JSONSerialization.jsonObject(with: Data(schema.jsonText.utf8)) as! [String: Any]
        var fields = json["fields"] as! [[String: Any]]
        fields.insert(fields.removeLast(), at: 0)
        fields.insert(["name": "channel", "type": ["null", "string"], "default": NSNull()], at: 0)
        json["fields"] = fields
        return try Schema(parsing: String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
