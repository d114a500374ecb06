import Avro
import AvroLibavro
import BenchModels
import CAvro
import Foundation

/// The operation names every implementation reports (the Python peers use the same).
enum Operation {
    static let encode = "encode"
    static let decode = "decode"
    static let resolvingDecode = "resolving decode (older writer)"
    static let resolvingDecodeKeptDecoder = "resolving decode (older writer), one AvroModelDecoder kept"
}

/// Encode, decode and resolving decode of the workload records, as an application does them: each kept model
/// encoded into a fresh buffer (the buffers kept), each record decoded from its own bytes into a model that is kept.
/// Ours (generated models, generic values) and libavro's generic value API.
enum CodecBenchmarks {
    static func run(_ workload: Workload, dump: String?) throws -> [Measurement] {
        let count = workload.encoded.count
        let bytes = workload.totalBytes
        if let dump { try Self.dump(workload, to: dump) }

        // Ours.
        let codec = AvroGenericCodec(schema: workload.schema)
        let generatedEncode = try measure(Operation.encode, "swift-avro generated", items: count, bytes: bytes) {
            try workload.orders.map { try $0.avroEncoded() }
        }
        let genericEncode = try measure(Operation.encode, "swift-avro generic", items: count, bytes: bytes) {
            try workload.values.map { try codec.encode($0) }
        }
        let generatedDecode = try measure(Operation.decode, "swift-avro generated", items: count, bytes: bytes) {
            try workload.encoded.map { try Order(avroEncoded: $0) }
        }
        let genericDecode = try measure(Operation.decode, "swift-avro generic", items: count, bytes: bytes) {
            try workload.encoded.map { try codec.decode($0) }
        }
        let older = workload.olderSchema
        let olderBytes = workload.olderTotalBytes
        // What the older writer's records read as: the current schema's bytes with `email` and `note` null.
        let expected = try AvroTranscoder(writer: older, reader: workload.schema).transcode(workload.olderEncoded[0])
        let resolvedOrder = try Order(avroEncoded: workload.olderEncoded[0], writerSchema: older)
        let expectedOrder = try Order(avroEncoded: expected)
        precondition(resolvedOrder == expectedOrder, "resolved orders differ")
        precondition(resolvedOrder.id == workload.orders[0].id && resolvedOrder.note == nil, "resolved orders differ")
        let generatedResolving = try measure(
            Operation.resolvingDecode, "swift-avro generated", items: count, bytes: olderBytes
        ) {
            try workload.olderEncoded.map { try Order(avroEncoded: $0, writerSchema: older) }
        }
        // The same through a decoder the app builds once and keeps (what the registry deserializer does).
        let decoder = try AvroModelDecoder<Order>(writerSchema: older)
        let generatedResolvingKept = try measure(
            Operation.resolvingDecodeKeptDecoder, "swift-avro generated", items: count, bytes: olderBytes
        ) {
            try workload.olderEncoded.map { try decoder.decode($0) }
        }
        let resolving = try AvroGenericCodec(writer: older, reader: workload.schema)
        let resolvedValue = try resolving.decode(workload.olderEncoded[0])
        let resolvedValueBytes = try codec.encode(resolvedValue)
        precondition(resolvedValueBytes == expected, "resolved values differ")
        let genericResolving = try measure(
            Operation.resolvingDecode, "swift-avro generic", items: count, bytes: olderBytes
        ) {
            try workload.olderEncoded.map { try resolving.decode($0) }
        }

        // libavro.
        let peer = try LibavroPeer(workload.schema)
        let reference = try LibavroSchema(workload.schema)
        let cValues = try workload.values.map { value -> LibavroValue in
            let cValue = try reference.makeValue()
            try cValue.set(value)
            return cValue
        }
        let libavroBytes = try peer.encode(cValues)
        precondition(libavroBytes == workload.encoded, "libavro encodes the workload differently")
        let libavroEncode = try measure(Operation.encode, "libavro", items: count, bytes: bytes) {
            try peer.encode(cValues)
        }
        let libavroDecode = try measure(Operation.decode, "libavro", items: count, bytes: bytes) {
            try peer.decode(workload.encoded)
        }
        // libavro's resolver cannot fill reader fields the writer lacks ("Reader field email doesn't appear in
        // writer": it does not use defaults), so it has no resolving decode of an older writer to measure.
        var libavroResolving: [Measurement] = []
        if let resolver = try? LibavroResolver(writer: older, reader: peer) {
            let check = try peer.decode([workload.olderEncoded[0]], resolver: resolver)
            let resolvedBytes = try withExtendedLifetime(check) {
                var first = check.values[0]
                return try LibavroValue.bytes(of: &first)
            }
            precondition(resolvedBytes == expected, "libavro resolves differently")
            libavroResolving.append(
                try measure(Operation.resolvingDecode, "libavro", items: count, bytes: olderBytes) {
                    try peer.decode(workload.olderEncoded, resolver: resolver)
                })
        }
        return [
            generatedEncode, genericEncode, libavroEncode, generatedDecode, genericDecode, libavroDecode,
            generatedResolving, genericResolving, generatedResolvingKept,
        ] + libavroResolving
    }

    /// The same records for the Python peers: one hex datum per line in `path` (current schema) and `path.older`
    /// (older writer), and the older schema in `path.older.avsc`.
    static func dump(_ workload: Workload, to path: String) throws {
        func hexLines(_ datums: [[UInt8]]) -> String {
            datums.map { $0.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }.joined(separator: "\n")
        }
        try hexLines(workload.encoded).write(toFile: path, atomically: true, encoding: .utf8)
        try hexLines(workload.olderEncoded).write(toFile: path + ".older", atomically: true, encoding: .utf8)
        try workload.olderSchema.jsonText.write(toFile: path + ".older.avsc", atomically: true, encoding: .utf8)
    }
}

extension LibavroValue {
    /// The binary encoding of a raw libavro value (to check what the peer read).
    static func bytes(of value: inout avro_value_t) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        return try buffer.withUnsafeMutableBufferPointer { pointer in
            let writer = pointer.withMemoryRebound(to: CChar.self) {
                avro_writer_memory($0.baseAddress, Int64($0.count))
            }
            defer { avro_writer_free(writer) }
            guard avro_value_write(writer, &value) == 0 else { throw LibavroFailure(LibavroError.describe("write")) }
            return Array(pointer[0..<Int(avro_writer_tell(writer))])
        }
    }
}
