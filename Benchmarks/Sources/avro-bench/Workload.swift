import Avro
import BenchModels
import Foundation

/// The shared benchmark workload: `../shared/bench/order.avsc` and the records `gen.py` writes (plain JSON:
/// unions as null or the bare value, the decimal as an exact string with two places), built once per run.
struct Workload {
    let schema: Schema
    /// The records as generic values.
    let values: [AvroValue]
    /// Each record's binary encoding (swift-avro's generic encoder; libavro's is checked to be the same).
    let encoded: [[UInt8]]
    /// The total size of ``encoded``.
    let totalBytes: Int
    /// The records as generated models.
    let orders: [Order]
    /// An older version of the schema: `Customer` without `email`, `Order` without `note` (both default to null
    /// in the current schema), so reading its data into the current schema fills defaults.
    let olderSchema: Schema
    /// Each record as the older writer wrote it.
    let olderEncoded: [[UInt8]]
    let olderTotalBytes: Int

    init(shared: URL, count: Int) throws {
        let loaded = try Self.load(shared: shared, count: count)
        schema = loaded.schema
        values = loaded.values
        let codec = AvroGenericCodec(schema: schema)
        encoded = try values.map { try codec.encode($0) }
        totalBytes = encoded.reduce(0) { $0 + $1.count }
        orders = try encoded.map { try Order(avroEncoded: $0) }
        // (Maps are written in sorted key order, so the bytes may differ from the generic ones; the values may not.)
        precondition(orders.allSatisfy { (try? Order(avroEncoded: $0.avroEncoded())) == $0 }, "generated round trip")
        olderSchema = try Self.older(schema)
        let toOlder = try AvroTranscoder(writer: schema, reader: olderSchema)
        olderEncoded = try encoded.map { try toOlder.transcode($0) }
        olderTotalBytes = olderEncoded.reduce(0) { $0 + $1.count }
    }

    /// `schema` without the optional `note` and `Customer.email` fields.
    static func older(_ schema: Schema) throws -> Schema {
        var json = try JSONSerialization.jsonObject(with: Data(schema.jsonText.utf8)) as! [String: Any]
        var fields = json["fields"] as! [[String: Any]]
        fields.removeAll { $0["name"] as? String == "note" }
        let customerIndex = fields.firstIndex { $0["name"] as? String == "customer" }!
        var customer = fields[customerIndex]["type"] as! [String: Any]
        customer["fields"] = (customer["fields"] as! [[String: Any]]).filter { $0["name"] as? String != "email" }
        fields[customerIndex]["type"] = customer
        json["fields"] = fields
        return try Schema(parsing: String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
    }

    private static func load(shared: URL, count: Int) throws -> (schema: Schema, values: [AvroValue]) {
        let schemaURL = shared.appendingPathComponent("bench/order.avsc")
        let schema = try Schema(
            parsing: String(decoding: try Data(contentsOf: schemaURL), as: UTF8.self), file: "order.avsc")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", shared.appendingPathComponent("bench/gen.py").path, String(count), "42"]
        let pipe = Pipe()
        generator.standardOutput = pipe
        try generator.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        generator.waitUntilExit()
        let values = try output.split(separator: UInt8(ascii: "\n")).map { line in
            try Self.value(try JSONSerialization.jsonObject(with: Data(line)), schema)
        }
        return (schema, values)
    }

    struct Mismatch: Error {}

    /// The value of a plain-JSON record (as `JSONSerialization` reads it) for `schema`. Map entries are taken in key
    /// order, as generated models write them.
    static func value(_ json: Any, _ schema: Schema) throws -> AvroValue {
        func cast<Cast>(_: Cast.Type) throws -> Cast {
            guard let cast = json as? Cast else { throw Mismatch() }
            return cast
        }
        // Strings bridged from Foundation may not be native UTF-8: an app's strings are, so the workload's are too.
        func native(_ text: String) -> String {
            var text = text
            text.makeContiguousUTF8()
            return text
        }
        switch schema.kind {
        case .null where json is NSNull: return .null
        case .boolean: return .boolean(try cast(Bool.self))
        case .int: return .int(try cast(NSNumber.self).int32Value)
        case .long: return .long(try cast(NSNumber.self).int64Value)
        case .double: return .double(try cast(NSNumber.self).doubleValue)
        case .string: return .string(native(try cast(String.self)))
        case .bytes:
            guard case .decimal(_, let scale) = schema.logicalType,
                let decimal = AvroDecimal(try cast(String.self), scale: scale)
            else { throw Mismatch() }
            return .bytes(decimal.unscaledBytes)
        case .enumeration: return .enumeration(native(try cast(String.self)))
        case .array(let items): return .array(try cast([Any].self).map { try value($0, items) })
        case .map(let values):
            let entries = try cast([String: Any].self).sorted { $0.key < $1.key }
            return .map(try entries.map { (native($0.key), try value($0.value, values)) })
        case .record(let record):
            let object = try cast([String: Any].self)
            return .record(try record.fields.map { try value(object[$0.name] ?? NSNull(), $0.type) })
        case .union(let branches) where json is NSNull:
            return .union(branch: branches.firstIndex(where: \.isNull)!, value: .null)
        case .union(let branches):
            let index = branches.firstIndex { !$0.isNull }!
            return .union(branch: index, value: try value(json, branches[index]))
        default: throw Mismatch()
        }
    }
}
