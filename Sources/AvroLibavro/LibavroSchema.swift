import Avro
import CAvro

/// Why libavro refused something, with libavro's own message.
public struct LibavroError: Error, CustomStringConvertible {
    /// What failed and libavro's `avro_strerror()`.
    public var description: String

    init(_ what: String) {
        description = "\(what): \(String(cString: avro_strerror()))"
    }
}

/// A schema loaded in Apache Avro C (Debian's `libavro`), with its generic value class: the independent peer
/// that the interop tests and benchmarks compare swift-avro with. Apps do not need this module.
public final class LibavroSchema {
    /// The schema as swift-avro parsed it.
    public let schema: Schema
    let cSchema: avro_schema_t
    let iface: UnsafeMutablePointer<avro_value_iface_t>

    /// Loads `schema` (its complete JSON) into libavro.
    public init(_ schema: Schema) throws {
        self.schema = schema
        let json = schema.jsonText
        var loaded: avro_schema_t?
        guard avro_schema_from_json_length(json, json.utf8.count, &loaded) == 0, let loaded else {
            throw LibavroError("libavro rejected the schema")
        }
        guard let iface = avro_generic_class_from_schema(loaded) else {
            avro_schema_decref(loaded)
            throw LibavroError("libavro has no generic class for the schema")
        }
        cSchema = loaded
        self.iface = iface
    }

    deinit {
        iface.pointee.decref_iface(iface)
        avro_schema_decref(cSchema)
    }

    /// A new generic value of this schema; release it with ``LibavroValue``'s deinit.
    public func makeValue() throws -> LibavroValue {
        var value = avro_value_t()
        guard avro_generic_value_new(iface, &value) == 0 else { throw LibavroError("cannot create a value") }
        return LibavroValue(value: value, schema: self)
    }

    /// libavro's binary encoding of `value` (built in libavro from the generic value).
    public func encode(_ value: AvroValue) throws -> [UInt8] {
        let cValue = try makeValue()
        try cValue.set(value)
        return try cValue.encoded()
    }

    /// The value libavro reads from `bytes`.
    public func decode(_ bytes: [UInt8]) throws -> AvroValue {
        let cValue = try makeValue()
        try cValue.read(bytes)
        return try cValue.avroValue()
    }
}

/// One libavro generic value.
public final class LibavroValue {
    /// The C value.
    public var value: avro_value_t
    let schema: LibavroSchema

    init(value: avro_value_t, schema: LibavroSchema) {
        self.value = value
        self.schema = schema
    }

    deinit {
        avro_value_decref(&value)
    }

    /// Sets this value from a generic value.
    public func set(_ avroValue: AvroValue) throws {
        _ = value.iface.pointee.reset(value.iface, value.`self`)
        try Self.set(&value, avroValue, schema.schema)
    }

    /// Writes this value with libavro's encoder.
    public func encoded() throws -> [UInt8] {
        var size = 0
        guard avro_value_sizeof(&value, &size) == 0 else { throw LibavroError("cannot size the value") }
        var buffer = [UInt8](repeating: 0, count: max(size, 1))
        try buffer.withUnsafeMutableBufferPointer { pointer in
            let writer = pointer.withMemoryRebound(to: CChar.self) {
                avro_writer_memory($0.baseAddress, Int64($0.count))
            }
            defer { avro_writer_free(writer) }
            guard avro_value_write(writer, &value) == 0 else { throw LibavroError("cannot write the value") }
        }
        return Array(buffer.prefix(size))
    }

    /// Reads this value from `bytes` with libavro's decoder.
    public func read(_ bytes: [UInt8]) throws {
        _ = value.iface.pointee.reset(value.iface, value.`self`)
        try bytes.withUnsafeBufferPointer { pointer in
            let reader = pointer.withMemoryRebound(to: CChar.self) {
                avro_reader_memory($0.baseAddress, Int64($0.count))
            }
            defer { avro_reader_free(reader) }
            guard avro_value_read(reader, &value) == 0 else { throw LibavroError("libavro cannot read the bytes") }
        }
    }

    /// This value as a generic value.
    public func avroValue() throws -> AvroValue {
        try Self.get(value, schema.schema)
    }

    private static func check(_ status: Int32, _ what: String) throws {
        guard status == 0 else { throw LibavroError(what) }
    }

    static func set(_ target: inout avro_value_t, _ value: AvroValue, _ schema: Schema) throws {
        let iface = target.iface.pointee
        let me = target.`self`
        switch (schema.kind, value) {
        case (.null, .null): try check(iface.set_null(target.iface, me), "set_null")
        case (.boolean, .boolean(let flag)): try check(iface.set_boolean(target.iface, me, flag ? 1 : 0), "set_boolean")
        case (.int, .int(let number)): try check(iface.set_int(target.iface, me, number), "set_int")
        case (.long, .long(let number)): try check(iface.set_long(target.iface, me, number), "set_long")
        case (.float, .float(let number)): try check(iface.set_float(target.iface, me, number), "set_float")
        case (.double, .double(let number)): try check(iface.set_double(target.iface, me, number), "set_double")
        case (.bytes, .bytes(var bytes)):
            try check(
                bytes.withUnsafeMutableBytes { iface.set_bytes(target.iface, me, $0.baseAddress, $0.count) },
                "set_bytes")
        case (.fixed, .fixed(var bytes)):
            try check(
                bytes.withUnsafeMutableBytes { iface.set_fixed(target.iface, me, $0.baseAddress, $0.count) },
                "set_fixed")
        case (.string, .string(let text)):
            var nulTerminated = Array(text.utf8CString)
            try check(
                nulTerminated.withUnsafeMutableBufferPointer {
                    iface.set_string_len(target.iface, me, $0.baseAddress, $0.count)
                }, "set_string_len")
        case (.enumeration(let enumeration), .enumeration(let symbol)):
            guard let index = enumeration.symbols.firstIndex(of: symbol) else { throw LibavroError("unknown symbol") }
            try check(iface.set_enum(target.iface, me, Int32(index)), "set_enum")
        case (.array(let items), .array(let values)):
            for item in values {
                var child = avro_value_t()
                try check(iface.append(target.iface, me, &child, nil), "append")
                try set(&child, item, items)
            }
        case (.map(let valueSchema), .map(let entries)):
            for entry in entries {
                var child = avro_value_t()
                try check(iface.add(target.iface, me, entry.key, &child, nil, nil), "add")
                try set(&child, entry.value, valueSchema)
            }
        case (.record(let record), .record(let values)):
            for (index, field) in record.fields.enumerated() {
                var child = avro_value_t()
                try check(iface.get_by_index(target.iface, me, index, &child, nil), "get_by_index")
                try set(&child, values[index], field.type)
            }
        case (.union(let branches), .union(let branch, let inner)):
            var child = avro_value_t()
            try check(iface.set_branch(target.iface, me, Int32(branch), &child), "set_branch")
            try set(&child, inner, branches[branch])
        default:
            throw LibavroError("value does not match the schema")
        }
    }

    static func get(_ source: avro_value_t, _ schema: Schema) throws -> AvroValue {
        let iface = source.iface.pointee
        let me = UnsafeRawPointer(source.`self`)
        switch schema.kind {
        case .null: return .null
        case .boolean:
            var flag: Int32 = 0
            try check(iface.get_boolean(source.iface, me, &flag), "get_boolean")
            return .boolean(flag != 0)
        case .int:
            var number: Int32 = 0
            try check(iface.get_int(source.iface, me, &number), "get_int")
            return .int(number)
        case .long:
            var number: Int64 = 0
            try check(iface.get_long(source.iface, me, &number), "get_long")
            return .long(number)
        case .float:
            var number: Float = 0
            try check(iface.get_float(source.iface, me, &number), "get_float")
            return .float(number)
        case .double:
            var number: Double = 0
            try check(iface.get_double(source.iface, me, &number), "get_double")
            return .double(number)
        case .bytes, .fixed:
            var buffer: UnsafeRawPointer?
            var size = 0
            let isFixed = if case .fixed = schema.kind { true } else { false }
            try check(
                isFixed
                    ? iface.get_fixed(source.iface, me, &buffer, &size)
                    : iface.get_bytes(source.iface, me, &buffer, &size), "get_bytes")
            let bytes = size == 0 ? [] : Array(UnsafeRawBufferPointer(start: buffer, count: size))
            return isFixed ? .fixed(bytes) : .bytes(bytes)
        case .string:
            var text: UnsafePointer<CChar>?
            var size = 0
            try check(iface.get_string(source.iface, me, &text, &size), "get_string")
            // The size includes the NUL terminator.
            let bytes = UnsafeRawBufferPointer(start: text, count: max(size - 1, 0))
            return .string(String(decoding: bytes, as: UTF8.self))
        case .enumeration(let enumeration):
            var index: Int32 = 0
            try check(iface.get_enum(source.iface, me, &index), "get_enum")
            return .enumeration(enumeration.symbols[Int(index)])
        case .array(let items):
            return .array(try children(source).map { try get($0.value, items) })
        case .map(let values):
            return .map(try children(source).map { ($0.name ?? "", try get($0.value, values)) })
        case .record(let record):
            let fields = record.fields
            return .record(try children(source).enumerated().map { try get($0.element.value, fields[$0.offset].type) })
        case .union(let branches):
            var discriminant: Int32 = 0
            var branch = avro_value_t()
            try check(iface.get_discriminant(source.iface, me, &discriminant), "get_discriminant")
            try check(iface.get_current_branch(source.iface, me, &branch), "get_current_branch")
            return .union(branch: Int(discriminant), value: try get(branch, branches[Int(discriminant)]))
        }
    }

    private static func children(_ source: avro_value_t) throws -> [(name: String?, value: avro_value_t)] {
        let iface = source.iface.pointee
        var count = 0
        try check(iface.get_size(source.iface, source.`self`, &count), "get_size")
        return try (0..<count).map { index in
            var child = avro_value_t()
            var name: UnsafePointer<CChar>?
            try check(iface.get_by_index(source.iface, source.`self`, index, &child, &name), "get_by_index")
            return (name.map { String(cString: $0) }, child)
        }
    }
}

extension LibavroSchema {
    /// Creates a container file written by libavro with `codec` (null, deflate, snappy or libavro's lzma).
    public func createFile(_ path: String, codec: String, writer: inout avro_file_writer_t?) -> Int32 {
        avro_file_writer_create_with_codec(path, cSchema, &writer, codec, 16 * 1024)
    }
}

extension LibavroError {
    /// A description of libavro's last error after `what` failed.
    public static func describe(_ what: String) -> String {
        LibavroError(what).description
    }
}
