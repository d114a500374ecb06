import Avro
import AvroTestSupport
import AvroTooling
import Foundation
import ShopModels
import Testing

/// A generated record reads a writer's record field by field (``AvroRecordResolution``): for random evolutions of
/// the `Order` schema — fields moved, dropped, added, and fields whose type changed (a union in another order, an
/// enum with fewer symbols, bytes for a string, an evolved nested record) — it reads exactly the model that the
/// generic resolution builds, and fails on the same datums.
@Suite struct ModelResolutionTests {
    /// The `Order` schema file as JSON objects to evolve.
    static func orderFields() throws -> [[String: Any]] {
        let url = TestFiles.repositoryRoot.appendingPathComponent("schemas/orders-value.avsc")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        // `Address` is defined in customers-value.avsc; the writer defines it where the order uses it.
        let address: [String: Any] = [
            "type": "record", "name": "Address", "namespace": "com.example.shop.common",
            "fields": ["street", "city", "postalCode", "country"].map {
                ["name": $0, "type": ["null", "string"], "default": NSNull()]
            },
        ]
        return (root["fields"] as! [[String: Any]]).map { field in
            guard field["name"] as? String == "shippingAddress" else { return field }
            var field = field
            field["type"] = ["null", address]
            return field
        }
    }

    static func schema(_ fields: [[String: Any]]) throws -> Schema {
        let root: [String: Any] = [
            "type": "record", "name": "Order", "namespace": "com.example.shop.orders", "fields": fields,
        ]
        return try Schema(parsing: String(decoding: try JSONSerialization.data(withJSONObject: root), as: UTF8.self))
    }

    /// A writer's version of one `Order` field whose type differs from the model's but resolves into it.
    static func changedType(_ field: [String: Any]) -> [String: Any]? {
        var field = field
        switch field["name"] as! String {
        case "currency": field["type"] = ["null", "bytes"]
        case "attributes": field["type"] = [["type": "map", "values": "string"], "null"]
        case "status":
            field["type"] = [
                "null", ["type": "enum", "name": "OrderStatus", "symbols": ["PLACED", "SHIPPED", "UNKNOWN"]],
            ]
        case "shippingAddress":
            field["type"] = [
                "null",
                [
                    "type": "record", "name": "Address", "namespace": "com.example.shop.common",
                    "fields": [
                        ["name": "country", "type": ["null", "string"], "default": NSNull()],
                        ["name": "note", "type": "string"],
                        ["name": "city", "type": ["null", "string"], "default": NSNull()],
                    ],
                ],
            ]
        default: return nil
        }
        return field
    }

    /// Types of fields a writer adds (records named per use, since a name is defined once).
    static func addedType(_ choice: Int, name: String) -> Any {
        switch choice {
        case 0: return "string"
        case 1: return "long"
        case 2: return ["type": "array", "items": "int"]
        case 3: return ["null", "double"]
        default: return ["type": "record", "name": name, "fields": [["name": "x", "type": "int"]]]
        }
    }

    @Test func readsRandomEvolutionsAsTheGenericResolutionDoes() throws {
        var generator = SeededRandom(seed: 29)
        let original = try Self.orderFields()
        let modelCodec = AvroGenericCodec(schema: Order.avroSchema)
        var compared = 0
        var fieldByField = 0
        for round in 0..<120 {
            var fields: [[String: Any]] = []
            for field in original.shuffled(using: &generator) {
                let optional = field["default"] != nil
                switch Int.random(in: 0..<6, using: &generator) {
                case 0 where optional: continue
                case 1: fields.append(Self.changedType(field) ?? field)
                default: fields.append(field)
                }
            }
            for index in 0..<Int.random(in: 0...2, using: &generator) {
                let type = Self.addedType(Int.random(in: 0..<5, using: &generator), name: "Extra\(round)_\(index)")
                fields.insert(
                    ["name": "added\(index)", "type": type], at: Int.random(in: 0...fields.count, using: &generator))
            }
            let writer = try Self.schema(fields)
            let decoder = try AvroModelDecoder<Order>(writerSchema: writer)
            let generic = try AvroGenericCodec(writer: writer, reader: Order.avroSchema)
            let writerCodec = AvroGenericCodec(schema: writer)
            if !decoder.isIdentity { fieldByField += 1 }
            for _ in 0..<10 {
                let bytes = try writerCodec.encode(try AvroValue.random(for: writer, using: &generator))
                let expected = try? Order(avroEncoded: try modelCodec.encode(try generic.decode(bytes)))
                let actual = try? decoder.decode(bytes)
                #expect(actual == expected, "writer \(writer.canonicalForm)")
                if expected != nil { compared += 1 }
            }
        }
        #expect(compared > 800)
        #expect(fieldByField > 100)
    }

    /// Datums that follow each other in one buffer (as in a container block) decode one after the other.
    @Test func decodesConsecutiveDatumsFromOneReader() throws {
        var fields = try Self.orderFields()
        fields.reverse()
        fields.insert(["name": "note", "type": "string"], at: 1)
        let writer = try Self.schema(fields)
        var generator = SeededRandom(seed: 3)
        let values = try (0..<20).map { _ in try AvroValue.random(for: writer, using: &generator) }
        var buffer: [UInt8] = []
        for value in values { buffer += try AvroGenericCodec(schema: writer).encode(value) }
        let decoder = try AvroModelDecoder<Order>(writerSchema: writer)
        let generic = try AvroGenericCodec(writer: writer, reader: Order.avroSchema)
        let modelCodec = AvroGenericCodec(schema: Order.avroSchema)
        let decoded = try AvroBinaryReader.withReader(buffer) { (reader) throws(AvroCodingError) in
            var models: [Order] = []
            while !reader.isAtEnd { models.append(try decoder.decode(from: &reader)) }
            return models
        }
        let expected = try values.map {
            try Order(avroEncoded: modelCodec.encode(generic.decode(AvroGenericCodec(schema: writer).encode($0))))
        }
        #expect(decoded == expected)
    }

    /// An error inside a field says which writer field it is in.
    @Test func errorsNameTheWriterField() throws {
        var fields = try Self.orderFields()
        fields.insert(["name": "note", "type": "string"], at: 0)
        let writer = try Self.schema(fields)
        let decoder = try AvroModelDecoder<Order>(writerSchema: writer)
        // "note" is an empty string, then `id` claims 40 bytes that are not there.
        let error = #expect(throws: AvroCodingError.self) { try decoder.decode([0, 80]) }
        #expect(error?.path == "id")
    }
}
