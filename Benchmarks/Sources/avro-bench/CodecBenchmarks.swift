import Avro
import AvroLibavro
import BenchModels
import CAvro
import Foundation

/// Generic-value encode and decode of the workload records: swift-avro against libavro's generic value API,
/// both reusing one output buffer, each record decoded from its own bytes.
enum CodecBenchmarks {
    static func run(shared: URL, count: Int, dump: String?) throws -> [Measurement] {
        let workload = try Workload(shared: shared, count: count)
        let codec = AvroGenericCodec(schema: workload.schema)
        let encoded = try workload.values.map { try codec.encode($0) }
        if let dump {
            // The same records for the Python peers: one hex datum per line.
            let text = encoded.map { $0.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }.joined(
                separator: "\n")
            try text.write(toFile: dump, atomically: true, encoding: .utf8)
        }
        let totalBytes = encoded.reduce(0) { $0 + $1.count }

        var writer = AvroBinaryWriter(capacity: 4096)
        let swiftEncode = try measure("swift-avro generic encode", items: count, bytes: totalBytes) {
            for value in workload.values {
                writer.removeAll()
                try codec.encode(value, to: &writer)
            }
        }
        let swiftDecode = try measure("swift-avro generic decode", items: count, bytes: totalBytes) {
            for bytes in encoded { _ = try codec.decode(bytes) }
        }

        let peer = try LibavroSchema(workload.schema)
        let cValues = try workload.values.map { value -> LibavroValue in
            let cValue = try peer.makeValue()
            try cValue.set(value)
            return cValue
        }
        let libavroBytes = try cValues.map { try $0.encoded() }
        precondition(libavroBytes == encoded, "libavro encodes the workload differently")
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let libavroEncode = try buffer.withUnsafeMutableBufferPointer { pointer in
            let cWriter = pointer.withMemoryRebound(to: CChar.self) {
                avro_writer_memory($0.baseAddress, Int64($0.count))
            }
            defer { avro_writer_free(cWriter) }
            return try measure("libavro generic encode", items: count, bytes: totalBytes) {
                for cValue in cValues {
                    avro_writer_reset(cWriter)
                    guard avro_value_write(cWriter, &cValue.value) == 0 else {
                        throw LibavroFailure(LibavroError.describe("write"))
                    }
                }
            }
        }
        let target = try peer.makeValue()
        let cReader = avro_reader_memory(nil, 0)
        defer { avro_reader_free(cReader) }
        let libavroDecode = try measure("libavro generic decode", items: count, bytes: totalBytes) {
            for bytes in encoded {
                try bytes.withUnsafeBufferPointer { pointer in
                    pointer.withMemoryRebound(to: CChar.self) {
                        avro_reader_memory_set_source(cReader, $0.baseAddress, Int64($0.count))
                    }
                    _ = target.value.iface.pointee.reset(target.value.iface, target.value.`self`)
                    guard avro_value_read(cReader, &target.value) == 0 else {
                        throw LibavroFailure(LibavroError.describe("read"))
                    }
                }
            }
        }
        // Generated models, as an app uses them: a fresh buffer per record, each record decoded from its own bytes.
        let orders = try encoded.map { try Order(avroEncoded: $0) }
        // (Maps are written in sorted key order, so the bytes may differ from the generic ones; the values may not.)
        precondition(orders.allSatisfy { (try? Order(avroEncoded: $0.avroEncoded())) == $0 }, "generated round trip")
        let generatedEncode = try measure("swift-avro generated encode", items: count, bytes: totalBytes) {
            for order in orders { _ = try order.avroEncoded() }
        }
        let generatedDecode = try measure("swift-avro generated decode", items: count, bytes: totalBytes) {
            for bytes in encoded { _ = try Order(avroEncoded: bytes) }
        }
        return [swiftEncode, generatedEncode, libavroEncode, swiftDecode, generatedDecode, libavroDecode]
    }
}

struct LibavroFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
