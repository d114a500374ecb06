import Avro
import BenchModels

/// Single-object and Confluent framing, as a producer and a consumer use them: each kept model framed into a fresh
/// buffer, each message decoded into a kept model (the fingerprint or id checked, no registry involved). Only ours:
/// libavro, fastavro and Apache Avro Python have no framing API (Confluent's Python serializer is measured with the
/// registry benchmarks).
enum FramingBenchmarks {
    static let singleObjectEncode = "single-object encode"
    static let singleObjectDecode = "single-object decode"
    static let confluentEncode = "Confluent encode"
    static let confluentDecode = "Confluent decode"

    static func run(_ workload: Workload) throws -> [Measurement] {
        let count = workload.encoded.count
        let schemaID: Int32 = 42
        let singleObjectBytes = workload.totalBytes + count * SingleObjectEncoding.headerSize
        let confluentBytes = workload.totalBytes + count * ConfluentWireFormat.headerSize
        let codec = AvroGenericCodec(schema: workload.schema)
        let header = SingleObjectEncoding.header(for: workload.schema)

        let generatedSingleObject = try measure(
            singleObjectEncode, "swift-avro generated", items: count, bytes: singleObjectBytes
        ) {
            try workload.orders.map { try $0.avroSingleObjectEncoded() }
        }
        let genericSingleObject = try measure(
            singleObjectEncode, "swift-avro generic", items: count, bytes: singleObjectBytes
        ) {
            try workload.values.map { value in
                var writer = AvroBinaryWriter()
                writer.writeRaw(header)
                try codec.encode(value, to: &writer)
                return writer.bytes
            }
        }
        let singleObjects = try workload.orders.map { try $0.avroSingleObjectEncoded() }
        let generatedSingleObjectDecode = try measure(
            singleObjectDecode, "swift-avro generated", items: count, bytes: singleObjectBytes
        ) {
            try singleObjects.map { try Order(avroSingleObject: $0) }
        }
        let fingerprint = workload.schema.rabinFingerprint
        let genericSingleObjectDecode = try measure(
            singleObjectDecode, "swift-avro generic", items: count, bytes: singleObjectBytes
        ) {
            try singleObjects.map { message in
                let (found, datum) = try SingleObjectEncoding.unframe(message)
                guard found == fingerprint else { throw FramingError.unknownFingerprint(found) }
                return try codec.decode(datum)
            }
        }

        let generatedConfluent = try measure(
            confluentEncode, "swift-avro generated", items: count, bytes: confluentBytes
        ) {
            try workload.orders.map { try $0.avroConfluentEncoded(schemaID: schemaID) }
        }
        let genericConfluent = try measure(confluentEncode, "swift-avro generic", items: count, bytes: confluentBytes) {
            try workload.values.map { value in
                var writer = AvroBinaryWriter()
                ConfluentWireFormat.writeHeader(schemaID: schemaID, to: &writer)
                try codec.encode(value, to: &writer)
                return writer.bytes
            }
        }
        let messages = try workload.orders.map { try $0.avroConfluentEncoded(schemaID: schemaID) }
        let generatedConfluentDecode = try measure(
            confluentDecode, "swift-avro generated", items: count, bytes: confluentBytes
        ) {
            try messages.map { message in
                let (id, datum) = try ConfluentWireFormat.unframe(message)
                guard id == schemaID else { throw FramingError.unknownSchemaID(id) }
                return try Order(avroEncoded: datum)
            }
        }
        let genericConfluentDecode = try measure(
            confluentDecode, "swift-avro generic", items: count, bytes: confluentBytes
        ) {
            try messages.map { message in
                let (id, datum) = try ConfluentWireFormat.unframe(message)
                guard id == schemaID else { throw FramingError.unknownSchemaID(id) }
                return try codec.decode(datum)
            }
        }
        return [
            generatedSingleObject, genericSingleObject, generatedSingleObjectDecode, genericSingleObjectDecode,
            generatedConfluent, genericConfluent, generatedConfluentDecode, genericConfluentDecode,
        ]
    }
}
