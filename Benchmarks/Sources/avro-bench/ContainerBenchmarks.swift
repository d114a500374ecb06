import Avro
import AvroContainer
import AvroLibavro
import BenchModels
import Foundation

/// Object container files of every record with deflate and zstandard, 64 KiB blocks: written into memory (ours)
/// or a file in /dev/shm (libavro, whose writer takes a path) and read back into kept values. MB/s counts the
/// records' uncompressed datum bytes.
enum ContainerBenchmarks {
    static func write(_ codec: ContainerCodec) -> String { "container write (\(codec.rawValue))" }
    static func read(_ codec: ContainerCodec) -> String { "container read (\(codec.rawValue))" }

    static func run(_ workload: Workload) throws -> [Measurement] {
        let count = workload.encoded.count
        let bytes = workload.totalBytes
        var results: [Measurement] = []
        for codec in [ContainerCodec.deflate, .zstandard] {
            let sync = [UInt8](repeating: 7, count: 16)
            func models() throws -> [UInt8] {
                var output: [UInt8] = []
                var writer = try AvroContainerWriter(for: Order.self, codec: codec, sync: sync) { output += $0 }
                for order in workload.orders { try writer.append(order) }
                try writer.finish()
                return output
            }
            func values() throws -> [UInt8] {
                var output: [UInt8] = []
                var writer = try AvroContainerWriter(schema: workload.schema, codec: codec, sync: sync) {
                    output += $0
                }
                for value in workload.values { try writer.append(value) }
                try writer.finish()
                return output
            }
            results.append(
                try measure(write(codec), "swift-avro generated", items: count, bytes: bytes) { try models() })
            results.append(try measure(write(codec), "swift-avro generic", items: count, bytes: bytes) { try values() })
            let written = try values()
            var check = try AvroContainerReader(bytes: written)
            let readBack = try check.readAll()
            precondition(readBack == workload.values, "container round trip")
            var modelCheck = try AvroContainerModelReader<Order>(bytes: try models())
            let modelsBack = try modelCheck.readAll()
            precondition(modelsBack == workload.orders, "container round trip of the models")
            results.append(
                try measure(read(codec), "swift-avro generated", items: count, bytes: bytes) {
                    var reader = try AvroContainerModelReader<Order>(bytes: written)
                    return try reader.readAll()
                })
            results.append(
                try measure(read(codec), "swift-avro generic", items: count, bytes: bytes) {
                    var reader = try AvroContainerReader(bytes: written)
                    return try reader.readAll()
                })
        }

        // libavro: deflate only (Debian's libavro has no zstandard codec).
        let peer = try LibavroPeer(workload.schema)
        let reference = try LibavroSchema(workload.schema)
        let cValues = try workload.values.map { value -> LibavroValue in
            let cValue = try reference.makeValue()
            try cValue.set(value)
            return cValue
        }
        let directory = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(directory)/avro-bench-\(getpid()).avro"
        defer { try? FileManager.default.removeItem(atPath: path) }
        results.append(
            try measure(write(.deflate), "libavro", items: count, bytes: bytes) {
                try? FileManager.default.removeItem(atPath: path)
                return try peer.writeFile(cValues, path: path, codec: "deflate")
            })
        let kept = try peer.readFile(path: path, count: count)
        let lastBytes = try withExtendedLifetime(kept) {
            var last = kept.values[count - 1]
            return try LibavroValue.bytes(of: &last)
        }
        precondition(lastBytes == workload.encoded[count - 1], "libavro container round trip")
        results.append(
            try measure(read(.deflate), "libavro", items: count, bytes: bytes) {
                try peer.readFile(path: path, count: count)
            })
        return results
    }
}
