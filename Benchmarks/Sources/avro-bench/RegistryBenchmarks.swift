import Avro
import AvroRegistry
import BenchModels
import Foundation

/// The registry serializer and deserializer with warm caches (an in-memory registry, so no I/O is timed), against
/// the bare generated encode and decode of the same orders: what framing and id resolution add per message.
enum RegistryBenchmarks {
    static func run(shared: URL, count: Int) async throws -> [Measurement] {
        let workload = try Workload(shared: shared, count: count)
        let codec = AvroGenericCodec(schema: workload.schema)
        let orders = try workload.values.map { try Order(avroEncoded: try codec.encode($0)) }
        let plain = try orders.map { try $0.avroEncoded() }
        let totalBytes = plain.reduce(0) { $0 + $1.count }

        let client = SchemaRegistryClient(urls: "mock://bench-\(UUID())")
        let serializer = AvroRegistrySerializer(client: client)
        _ = try await serializer.serialize(orders[0], topic: "orders")
        var kept: [[UInt8]] = []
        kept.reserveCapacity(orders.count)
        let serialize = try await measureAsync("swift-avro registry serialize", items: count, bytes: totalBytes) {
            kept.removeAll(keepingCapacity: true)
            for order in orders { kept.append(try await serializer.serialize(order, topic: "orders")) }
        }
        let encode = try measure("swift-avro generated encode (bare)", items: count, bytes: totalBytes) {
            kept.removeAll(keepingCapacity: true)
            for order in orders { kept.append(try order.avroEncoded()) }
        }

        // A newer writer: the registry holds v2 (a new field first, one field moved), so every read resolves.
        let v2 = try evolved(Order.avroSchema)
        _ = try await client.register(v2.jsonText, under: "orders-value")
        let v2ID = try await client.latestVersion(of: "orders-value").id
        let toV2 = try AvroTranscoder(writer: Order.avroSchema, reader: v2)
        let resolvingMessages = try plain.map {
            ConfluentWireFormat.frame(try toV2.transcode($0), schemaID: Int32(v2ID))
        }
        let sameMessages = try await orders.asyncMap { try await serializer.serialize($0, topic: "orders") }
        let deserializer = AvroRegistryDeserializer(client: client)
        _ = try await deserializer.deserialize(resolvingMessages[0], as: Order.self)
        _ = try await deserializer.deserialize(sameMessages[0], as: Order.self)
        var models: [Order] = []
        models.reserveCapacity(orders.count)
        let deserializeResolving = try await measureAsync(
            "swift-avro registry deserialize (resolving)", items: count, bytes: totalBytes
        ) {
            models.removeAll(keepingCapacity: true)
            for message in resolvingMessages {
                models.append(try await deserializer.deserialize(message, as: Order.self))
            }
        }
        precondition(models == orders, "resolved orders differ")
        let deserializeSame = try await measureAsync(
            "swift-avro registry deserialize (same schema)", items: count, bytes: totalBytes
        ) {
            models.removeAll(keepingCapacity: true)
            for message in sameMessages { models.append(try await deserializer.deserialize(message, as: Order.self)) }
        }
        let decode = try measure("swift-avro generated decode (bare)", items: count, bytes: totalBytes) {
            models.removeAll(keepingCapacity: true)
            for bytes in plain { models.append(try Order(avroEncoded: bytes)) }
        }
        return [serialize, encode, deserializeResolving, deserializeSame, decode]
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
