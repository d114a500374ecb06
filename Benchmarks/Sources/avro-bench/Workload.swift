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
        let parser = JSONParser()
        let values = try String(decoding: output, as: UTF8.self).split(separator: "\n").map { line in
            try Self.value(try parser.parse(String(line)), schema)
        }
        return (schema, values)
    }

    struct Mismatch: Error {}

    /// The value of a plain-JSON record for `schema`.
    static func value(_ json: JSONValue, _ schema: Schema) throws -> AvroValue {
        switch (schema.kind, json.kind) {
        case (.null, .null): return .null
        case (.boolean, .bool(let flag)): return .boolean(flag)
        case (.int, .number(let number)): return .int(Int32(number.text)!)
        case (.long, .number(let number)): return .long(Int64(number.text)!)
        case (.double, .number(let number)): return .double(Double(number.text)!)
        case (.string, .string(let text)): return .string(text)
        case (.bytes, .string(let text)):
            guard case .decimal(_, let scale) = schema.logicalType else { throw Mismatch() }
            guard let decimal = AvroDecimal(text, scale: scale) else { throw Mismatch() }
            return .bytes(decimal.unscaledBytes)
        case (.enumeration, .string(let symbol)): return .enumeration(symbol)
        case (.array(let items), .array(let elements)): return .array(try elements.map { try value($0, items) })
        case (.map(let values), .object(let object)):
            return .map(try object.members.map { ($0.key, try value($0.value, values)) })
        case (.record(let record), .object(let object)):
            return .record(try record.fields.map { try value(object[$0.name] ?? JSONValue(.null), $0.type) })
        case (.union(let branches), .null):
            return .union(branch: branches.firstIndex(where: \.isNull)!, value: .null)
        case (.union(let branches), _):
            let index = branches.firstIndex { !$0.isNull }!
            return .union(branch: index, value: try value(json, branches[index]))
        default: throw Mismatch()
        }
    }
}
