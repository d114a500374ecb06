import Avro
import AvroTestSupport
import AvroTooling
import Foundation
import ShopModels
import Testing

@testable import AvroCodegen

@Suite struct GeneratedModelTests {
    static let schemaNames = [
        "customers-key", "customers-value", "orders-key", "orders-value", "payments-key", "payments-value",
    ]

    static func schemaSet() throws -> SchemaSet {
        let directory = TestFiles.repositoryRoot.appendingPathComponent("schemas")
        return try SchemaSet(
            sources: try schemaNames.map {
                ("\($0).avsc", try TestFiles.bytes(directory.appendingPathComponent("\($0).avsc")))
            })
    }

    /// The generator's constant is the fingerprint of the schema the type carries, and framing uses it.
    @Test func fingerprintConstantsMatchTheSchemas() throws {
        let types: [any AvroModel.Type] = [
            CustomerKey.self, Customer.self, Address.self, CustomerTier.self, OrderKey.self, Order.self,
            OrderStatus.self, OrderLine.self, Category.self, PaymentKey.self, Payment.self, Amount.self,
            PaymentMethod.self,
        ]
        for type in types {
            #expect(type.avroRabinFingerprint == type.avroSchema.rabinFingerprint, "\(type)")
        }
        let key = OrderKey(id: UUID())
        let framed = try key.avroSingleObjectEncoded()
        #expect(framed == SingleObjectEncoding.frame(try key.avroEncoded(), schema: OrderKey.avroSchema))
        #expect(try OrderKey(avroSingleObject: framed) == key)
        #expect(
            try key.avroConfluentEncoded(schemaID: 0x0102_0304)
                == ConfluentWireFormat.frame(try key.avroEncoded(), schemaID: 0x0102_0304))
    }

    @Test func checkedInModelsAreNotStale() throws {
        let options = try GeneratorOptions(
            json: try TestFiles.bytes(TestFiles.repositoryRoot.appendingPathComponent("schemas/swift-avro.json")),
            file: "swift-avro.json")
        let generated = try SwiftModelGenerator(options: options).generate(try Self.schemaSet())
        let directory = TestFiles.repositoryRoot.appendingPathComponent("codegen")
        let checkedIn = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".swift")
        }
        #expect(Set(checkedIn) == Set(generated.map(\.fileName)))
        for file in generated {
            let current = String(
                decoding: try TestFiles.bytes(directory.appendingPathComponent(file.fileName)), as: UTF8.self)
            #expect(
                current == file.source,
                "codegen/\(file.fileName) is stale: run `swift package --allow-writing-to-package-directory generate-avro-models`"
            )
        }
    }

    @Test func generatedModelsMatchTheGenericCodecByteForByte() throws {
        var generator = SeededRandom(seed: 3)
        let codec = AvroGenericCodec(schema: Order.avroSchema)
        for _ in 0..<200 {
            let value = try AvroValue.random(for: Order.avroSchema, using: &generator)
            let bytes = try codec.encode(value)
            let order = try Order(avroEncoded: bytes)
            #expect(try order.avroEncoded() == bytes)
            #expect(try codec.decode(order.avroEncoded()) == value)
        }
    }

    @Test func everyGeneratedTypeRoundTrips() throws {
        var generator = SeededRandom(seed: 4)
        func check<Model: AvroModel & Equatable>(_ type: Model.Type) throws {
            let codec = AvroGenericCodec(schema: Model.avroSchema)
            for _ in 0..<50 {
                let bytes = try codec.encode(AvroValue.random(for: Model.avroSchema, using: &generator))
                let model = try Model(avroEncoded: bytes)
                #expect(try Model(avroEncoded: model.avroEncoded()) == model)
            }
        }
        try check(CustomerKey.self)
        try check(Customer.self)
        try check(OrderKey.self)
        try check(PaymentKey.self)
        try check(Payment.self)
    }

    @Test func readsDataOfAnOlderWriterSchema() throws {
        let older = try Schema(
            parsing:
                #"{"type": "record", "name": "Order", "namespace": "com.example.shop.orders", "fields": [{"name": "id", "type": "string"}, {"name": "timestamp", "type": "int"}, {"name": "dropped", "type": "string"}]}"#
        )
        let id = "0e4a5b9c-7f7d-4c1e-9a51-0b8e2f1c3d4e"
        let bytes = try AvroGenericCodec(schema: older).encode(.record([.string(id), .int(7), .string("x")]))
        let order = try Order(avroEncoded: bytes, writerSchema: older)
        #expect(order == Order(id: UUID(uuidString: id)!, timestamp: .init(ticksSinceEpoch: 7)))
        // The decoder is cached per writer definition: the same call again, and another definition of the same
        // name (a different layout), each read right.
        #expect(try Order(avroEncoded: bytes, writerSchema: older) == order)
        let reordered = try Schema(
            parsing:
                #"{"type": "record", "name": "Order", "namespace": "com.example.shop.orders", "fields": [{"name": "timestamp", "type": "int"}, {"name": "id", "type": "string"}]}"#
        )
        let other = try AvroGenericCodec(schema: reordered).encode(.record([.int(7), .string(id)]))
        #expect(try Order(avroEncoded: other, writerSchema: reordered) == order)
        #expect(try Order(avroEncoded: try order.avroEncoded(), writerSchema: Order.avroSchema) == order)
    }

    @Test func framingsRoundTrip() throws {
        let order = Order(
            id: UUID(), timestamp: .init(ticksSinceEpoch: 1_700_000_000_000), currency: "EUR",
            attributes: ["b": "2", "a": "1"])
        #expect(try Order(avroSingleObject: order.avroSingleObjectEncoded()) == order)
        let framed = try order.avroConfluentEncoded(schemaID: 42)
        #expect(Array(framed.prefix(5)) == [0, 0, 0, 0, 42])
        #expect(try Order(avroEncoded: Array(framed.dropFirst(5))) == order)
    }

}

@Suite struct GeneratedRecursionTests {
    @Test func recursiveRecordsAreBoxedAndRoundTrip() throws {
        let leaf = Category(
            name: "espresso machines", parent: Category(name: "kitchen", parent: Category(name: "home")))
        let line = OrderLine(sku: "SKU-1", quantity: 2, unitPrice: AvroDecimal("12.34", scale: 2), category: leaf)
        let order = Order(id: UUID(), timestamp: .init(ticksSinceEpoch: 1), lines: [line])
        let decoded = try Order(avroEncoded: order.avroEncoded())
        #expect(decoded == order)
        #expect(decoded.lines?.first?.category?.parent?.parent?.name == "home")
        #expect(
            try AvroGenericCodec(schema: Order.avroSchema).encode(
                try AvroGenericCodec(schema: Order.avroSchema).decode(order.avroEncoded())) == order.avroEncoded())
    }
}
