import Avro
import AvroContainer
import AvroRegistry
import Foundation
import ShopModels
import ShopModelsV2

typealias OrderV1 = ShopModels.Order
typealias OrderV2 = ShopModelsV2.Order

/// Step 5 of the demo: `count` version 2 orders produced through the registry serializer (the id of orders-value
/// version 2 looked up, not registered), appended to a container file, and consumed through the registry
/// deserializer twice, as version 1 (a consumer not yet upgraded: resolved from the writer schema) and as version 2.
/// Orders flow in chunks (a producer's batches), so memory stays small; each leg is timed on its own.
struct Pipeline {
    var registry: String
    var count: Int
    var file: String
    var codec: ContainerCodec
    var seed: UInt64
    var chunkSize = 10_000
    var progressEvery = 250_000

    func run() async throws {
        let generator = OrderGenerator(seed: seed)
        let client = SchemaRegistryClient(urls: registry)
        var configuration = AvroRegistrySerializer.Configuration()
        configuration.autoRegister = false  // the team registered version 2; producers only look its id up
        let serializer = AvroRegistrySerializer(client: client, configuration: configuration)
        let deserializer = AvroRegistryDeserializer(client: client)

        // The registry round trips happen once, before the clock runs: the id of version 2 under orders-value, and
        // the writer schema for each reader type.
        let first = try await serializer.serialize(generator.order(0), topic: "orders")
        let (schemaID, _) = try ConfluentWireFormat.unframe(first)
        _ = try await deserializer.deserialize(first, as: OrderV1.self)
        _ = try await deserializer.deserialize(first, as: OrderV2.self)
        print(
            "  producer: orders-value version \(OrderV2.schemaVersion) is schema id \(schemaID) (looked up, not registered)"
        )
        print("  \(count) orders (seed \(seed)), in chunks of \(chunkSize); container file codec \(codec.rawValue)")

        guard FileManager.default.createFile(atPath: file, contents: nil),
            let handle = FileHandle(forWritingAtPath: file)
        else { throw DemoFailure("cannot write \(file)") }
        defer { try? handle.close() }
        var container = try AvroContainerWriter(for: OrderV2.self, codec: codec) { try handle.write(contentsOf: $0) }

        var serialize = Leg("serialize v2 (AvroRegistrySerializer)")
        var write = Leg("container append v2 (\(codec.rawValue))")
        var readV1 = Leg("deserialize into v1 (resolved from v2)")
        var readV2 = Leg("deserialize into v2 (as written)")
        var messages: [UInt8] = []
        var ends: [Int] = []
        var v1: [OrderV1] = []
        var v2: [OrderV2] = []
        messages.reserveCapacity(chunkSize * 320)
        for chunkStart in stride(from: 0, to: count, by: chunkSize) {
            let orders = (chunkStart..<min(count, chunkStart + chunkSize)).map(generator.order)
            messages.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            try await serialize.measure(records: orders.count) {
                for order in orders {
                    messages += try await serializer.serialize(order, topic: "orders")
                    ends.append(messages.count)
                }
            }
            serialize.bytes += messages.count
            try await write.measure(records: orders.count) {
                for order in orders { try container.append(order) }
            }
            write.bytes += messages.count - 5 * orders.count  // the datums, without the 5-byte Confluent header
            v1.removeAll(keepingCapacity: true)
            v2.removeAll(keepingCapacity: true)
            try await readV1.measure(records: orders.count) {
                var start = 0
                for end in ends {
                    v1.append(try await deserializer.deserialize(messages[start..<end], as: OrderV1.self))
                    start = end
                }
            }
            readV1.bytes += messages.count
            try await readV2.measure(records: orders.count) {
                var start = 0
                for end in ends {
                    v2.append(try await deserializer.deserialize(messages[start..<end], as: OrderV2.self))
                    start = end
                }
            }
            readV2.bytes += messages.count
            for (offset, order) in orders.enumerated() {
                guard v2[offset] == order else { throw DemoFailure("order \(chunkStart + offset) read as v2 differs") }
                guard v1[offset] == OrderV1(expectedFrom: order) else {
                    throw DemoFailure("order \(chunkStart + offset) read as v1 differs from its v1 fields")
                }
            }
            let done = chunkStart + orders.count
            if done % progressEvery == 0 || done == count {
                print("  \(done) / \(count) orders produced, written and consumed (v1 and v2), each one checked")
            }
        }
        try container.finish()
        try handle.synchronize()

        // The file read back as version 1: a consumer of the file resolves the v2 writer schema in its header.
        var readFile = Leg("container read into v1 (resolved)")
        readFile.bytes = write.bytes
        var reader = try AvroContainerModelReader<OrderV1>(path: file)
        try readAndCheckOrdersV1(from: &reader, generator: generator, chunkSize: chunkSize, leg: &readFile) {
            "order \($0) of the container file"
        }
        let index = readFile.records
        guard index == count else { throw DemoFailure("the container file holds \(index) orders, not \(count)") }

        let fileSize = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print(
            "  every order checked: v2 equal to what was produced, v1 equal to its v1 fields (couponCode dropped), the"
                + " file read back")
        print(
            String(
                format: "  messages: %.1f MB, %.1f bytes each on average; container file: %.1f MB (%@)",
                Double(serialize.bytes) / 1e6, Double(serialize.bytes) / Double(count), Double(fileSize) / 1e6,
                codec.rawValue))
        print("  throughput (release build, monotonic clock around each leg only; MB = 10^6 bytes of Avro data):")
        for leg in [serialize, write, readV1, readV2, readFile] { print("    " + leg.summary) }
    }
}
