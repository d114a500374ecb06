import Avro
import AvroLibavro
import CAvro

#if canImport(Glibc)
    import Glibc
#endif

/// libavro (Apache Avro C, Debian's `libavro-dev`) through its generic value API, in process, used as an
/// application would: each record read into a new generic value that is kept, each value written into a fresh buffer.
final class LibavroPeer {
    let schema: avro_schema_t
    let iface: UnsafeMutablePointer<avro_value_iface_t>

    init(_ schema: Schema) throws {
        self.schema = try Self.load(schema)
        guard let iface = avro_generic_class_from_schema(self.schema) else {
            throw LibavroFailure(LibavroError.describe("generic class"))
        }
        self.iface = iface
    }

    deinit {
        iface.pointee.decref_iface(iface)
        avro_schema_decref(schema)
    }

    static func load(_ schema: Schema) throws -> avro_schema_t {
        let json = schema.jsonText
        var loaded: avro_schema_t?
        guard avro_schema_from_json_length(json, json.utf8.count, &loaded) == 0, let loaded else {
            throw LibavroFailure(LibavroError.describe("schema"))
        }
        return loaded
    }

    /// A new, empty generic value.
    func makeValue() throws -> avro_value_t {
        var value = avro_value_t()
        guard avro_generic_value_new(iface, &value) == 0 else { throw LibavroFailure(LibavroError.describe("new")) }
        return value
    }

    /// Each value written into one scratch buffer, then copied into a fresh array of its exact size.
    func encode(_ values: [LibavroValue]) throws -> [[UInt8]] {
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        return try scratch.withUnsafeMutableBufferPointer { pointer in
            let writer = pointer.withMemoryRebound(to: CChar.self) {
                avro_writer_memory($0.baseAddress, Int64($0.count))
            }
            defer { avro_writer_free(writer) }
            var buffers: [[UInt8]] = []
            buffers.reserveCapacity(values.count)
            for value in values {
                avro_writer_reset(writer)
                guard avro_value_write(writer, &value.value) == 0 else {
                    throw LibavroFailure(LibavroError.describe("write"))
                }
                let size = Int(avro_writer_tell(writer))
                buffers.append(Array(UnsafeBufferPointer(rebasing: pointer[0..<size])))
            }
            return buffers
        }
    }

    /// Each datum read into a new generic value; with `resolver` (a resolved writer from an older schema), through it.
    func decode(_ datums: [[UInt8]], resolver: LibavroResolver? = nil) throws -> KeptValues {
        let kept = KeptValues()
        kept.values.reserveCapacity(datums.count)
        let reader = avro_reader_memory(nil, 0)
        defer { avro_reader_free(reader) }
        for bytes in datums {
            var value = try makeValue()
            kept.values.append(value)
            try bytes.withUnsafeBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) {
                    avro_reader_memory_set_source(reader, $0.baseAddress, Int64($0.count))
                }
                if let resolver {
                    avro_resolved_writer_set_dest(&resolver.value, &value)
                    guard avro_value_read(reader, &resolver.value) == 0 else {
                        throw LibavroFailure(LibavroError.describe("resolved read"))
                    }
                } else {
                    guard avro_value_read(reader, &value) == 0 else {
                        throw LibavroFailure(LibavroError.describe("read"))
                    }
                }
            }
        }
        return kept
    }

    /// Writes `values` to a container file at `path` with `codec` and 64 KiB blocks; returns the file's size.
    func writeFile(_ values: [LibavroValue], path: String, codec: String) throws -> Int {
        var writer: avro_file_writer_t?
        guard avro_file_writer_create_with_codec(path, schema, &writer, codec, 64 * 1024) == 0 else {
            throw LibavroFailure(LibavroError.describe("create \(path)"))
        }
        for value in values {
            guard avro_file_writer_append_value(writer, &value.value) == 0 else {
                throw LibavroFailure(LibavroError.describe("append"))
            }
        }
        guard avro_file_writer_close(writer) == 0 else { throw LibavroFailure(LibavroError.describe("close")) }
        var info = stat()
        stat(path, &info)
        return Int(info.st_size)
    }

    /// Reads `count` records of the container file at `path` into new generic values.
    func readFile(path: String, count: Int) throws -> KeptValues {
        var reader: avro_file_reader_t?
        guard avro_file_reader(path, &reader) == 0 else { throw LibavroFailure(LibavroError.describe("open \(path)")) }
        defer { avro_file_reader_close(reader) }
        let kept = KeptValues()
        kept.values.reserveCapacity(count)
        for _ in 0..<count {
            var value = try makeValue()
            kept.values.append(value)
            guard avro_file_reader_read_value(reader, &value) == 0 else {
                throw LibavroFailure(LibavroError.describe("read value"))
            }
        }
        return kept
    }
}

/// libavro's resolved writer from an older writer schema to the current one: reading through it fills a value of
/// the current schema.
final class LibavroResolver {
    let iface: UnsafeMutablePointer<avro_value_iface_t>
    var value = avro_value_t()
    private let writer: avro_schema_t

    init(writer: Schema, reader: LibavroPeer) throws {
        self.writer = try LibavroPeer.load(writer)
        guard let iface = avro_resolved_writer_new(self.writer, reader.schema) else {
            throw LibavroFailure(LibavroError.describe("resolved writer"))
        }
        self.iface = iface
        guard avro_resolved_writer_new_value(iface, &value) == 0 else {
            throw LibavroFailure(LibavroError.describe("resolved value"))
        }
    }

    deinit {
        avro_value_decref(&value)
        iface.pointee.decref_iface(iface)
        avro_schema_decref(writer)
    }
}

/// libavro generic values an application keeps, released together.
final class KeptValues {
    var values: [avro_value_t] = []

    deinit {
        for index in values.indices { avro_value_decref(&values[index]) }
    }
}

struct LibavroFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
