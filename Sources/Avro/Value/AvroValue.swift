/// A generic Avro datum: what the schema-driven encoders and decoders read and write when no generated model
/// is at hand.
///
/// Values carry no schema; they are interpreted with one. Records hold their field values in the schema's
/// field order, enums their symbol, unions the index of their branch (encoders never guess a branch), and maps
/// their entries in order (Avro maps are unordered; equality ignores the order). Logical types use their
/// underlying representation (a `timestamp-millis` is a `.long`, a decimal `.bytes` or `.fixed`). A decoded map
/// keeps every entry it was sent, a repeated key included.
public enum AvroValue: Sendable, Equatable {
    case null
    case boolean(Bool)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case bytes([UInt8])
    case string(String)
    case fixed([UInt8])
    case enumeration(String)
    case array([AvroValue])
    case map([(key: String, value: AvroValue)])
    case record([AvroValue])
    indirect case union(branch: Int, value: AvroValue)

    public static func == (lhs: AvroValue, rhs: AvroValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.long(let a), .long(let b)): return a == b
        // Floating-point values compare by bit pattern, so NaN equals itself and a round trip is checkable.
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.double(let a), .double(let b)): return a.bitPattern == b.bitPattern
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.fixed(let a), .fixed(let b)): return a == b
        case (.enumeration(let a), .enumeration(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.record(let a), .record(let b)): return a == b
        case (.union(let i, let a), .union(let j, let b)): return i == j && a == b
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            if a.elementsEqual(b, by: { $0.key == $1.key && $0.value == $1.value }) { return true }
            // In another order: equal when the keys are unique and each maps to an equal value. (Maps with a
            // repeated key, which only hostile input has, are equal only in the same order.)
            var remaining: [String: AvroValue] = [:]
            for entry in b { remaining[entry.key] = entry.value }
            guard remaining.count == b.count, Set(a.map(\.key)).count == a.count else { return false }
            return a.allSatisfy { remaining[$0.key] == $0.value }
        default: return false
        }
    }
}
