import AvroContainer
import Foundation
import ShopModels
import ShopModelsV2

/// `write-container`: `count` seeded version 2 orders appended to a container file, as a producer archiving a
/// topic would (used to measure memory on large files).
func writeContainer(path: String, count: Int, codec: ContainerCodec, seed: UInt64) throws {
    let generator = OrderGenerator(seed: seed)
    guard FileManager.default.createFile(atPath: path, contents: nil),
        let handle = FileHandle(forWritingAtPath: path)
    else { throw DemoFailure("cannot write \(path)") }
    defer { try? handle.close() }
    var writer = try AvroContainerWriter(for: OrderV2.self, codec: codec) { try handle.write(contentsOf: $0) }
    var leg = Leg("container append v2 (\(codec.rawValue))")
    for chunkStart in stride(from: 0, to: count, by: 10_000) {
        let orders = (chunkStart..<min(count, chunkStart + 10_000)).map(generator.order)
        try leg.measureSync(records: orders.count) {
            for order in orders { try writer.append(order) }
        }
    }
    try writer.finish()
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    leg.bytes = size
    print(leg.summary + String(format: " (MB/s of the file, %.1f MB)", Double(size) / 1e6))
}

/// `read-container`: streams a container file of orders into version 1 models (resolved from the file's schema),
/// checking each against the seeded generator, block by block in flat memory.
func readContainer(path: String, seed: UInt64) throws {
    let generator = OrderGenerator(seed: seed)
    var reader = try AvroContainerModelReader<OrderV1>(path: path)
    var leg = Leg("container read into v1 (\(reader.header.codec.rawValue))")
    try readAndCheckOrdersV1(from: &reader, generator: generator, chunkSize: 10_000, leg: &leg)
    leg.bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(leg.summary + " (MB/s of the file; every order checked)")
}
