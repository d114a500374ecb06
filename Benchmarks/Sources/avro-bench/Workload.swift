import Avro
import Foundation

/// The shared benchmark workload: `../shared/bench/order.avsc` and the records `gen.py` writes (plain JSON:
/// unions as null or the bare value, the decimal as an exact string with two places).
struct Workload {
    let schema: Schema
    let values: [AvroValue]

    init(shared: URL, count: Int) throws {
        let schemaURL = shared.appendingPathComponent("bench/order.avsc")
        schema = try Schema(
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
        let schema = self.schema
        values = try String(decoding: output, as: UTF8.self).split(separator: "\n").map { line in
            try Self.value(try parser.parse(String(line)), schema)
        }
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
