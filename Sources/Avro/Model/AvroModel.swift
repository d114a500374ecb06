/// A Swift type with its own Avro binary encoding, as `swift-avro generate` writes them: straight-line code
/// that calls ``AvroBinaryWriter`` and ``AvroBinaryReader`` directly, with no intermediate generic value.
public protocol AvroBinaryCodable: Sendable {
    /// Appends the binary encoding of `self`; fails only for values the schema cannot hold (a decimal that
    /// needs rounding or does not fit its `fixed`, a `time-millis` beyond 32 bits).
    func avroEncode(to writer: inout AvroBinaryWriter) throws(AvroCodingError)
    /// Reads a value written with the type's schema.
    init(avroDecoding reader: inout AvroBinaryReader) throws(AvroCodingError)
}

/// A generated named type (record, enum or fixed) with the schema it was generated from.
public protocol AvroModel: AvroBinaryCodable {
    /// The schema the type was generated from.
    static var avroSchema: Schema { get }
    /// The CRC-64-AVRO fingerprint of ``avroSchema``'s Parsing Canonical Form: a constant in generated types,
    /// so framing a single object computes no canonical form. The default computes it on each use.
    static var avroRabinFingerprint: UInt64 { get }
    /// Reads a record written with another record schema, as `resolution` (built from that schema and
    /// ``avroSchema``) says: generated records read each field as their own decoder does, in the writer's order.
    init(avroDecoding reader: inout AvroBinaryReader, resolving resolution: AvroRecordResolution)
        throws(AvroCodingError)
}

extension AvroModel {
    public static var avroRabinFingerprint: UInt64 { avroSchema.rabinFingerprint }
}

/// A generated union of more than one non-null branch: one case per branch.
public protocol AvroUnion: AvroBinaryCodable {
    /// Reads the value of branch `branch` (already read and range-checked).
    init(avroBranch branch: Int, reader: inout AvroBinaryReader) throws(AvroCodingError)
}

extension AvroModel {
    /// The binary encoding of `self`.
    @inlinable public func avroEncoded() throws(AvroCodingError) -> [UInt8] {
        var writer = AvroBinaryWriter()
        try avroEncode(to: &writer)
        return writer.bytes
    }

    /// Decodes `bytes` written with ``avroSchema``; they must hold exactly one datum. Contiguous bytes
    /// (`[UInt8]`, `ArraySlice<UInt8>`, `Data`) are read in place.
    @inlinable public init(avroEncoded bytes: some Collection<UInt8>, limits: AvroDecodingLimits = .default)
        throws(AvroCodingError)
    {
        self = try AvroBinaryReader.withReader(bytes, limits: limits) {
            (reader: inout AvroBinaryReader) throws(AvroCodingError) in
            let value = try Self(avroDecoding: &reader)
            try reader.expectEnd()
            return value
        }
    }

    /// Decodes `bytes` written with another schema, resolved into ``avroSchema`` in one pass (or directly when the
    /// writer's canonical form is ``avroSchema``'s). The decoder is built once per writer schema and cached (reuse
    /// the same `Schema` value); to decode many datums of one writer, an ``AvroModelDecoder`` of your own skips the
    /// cache lookup.
    public init(avroEncoded bytes: some Collection<UInt8>, writerSchema: Schema, limits: AvroDecodingLimits = .default)
        throws
    {
        self = try AvroModelDecoder<Self>.cached(writerSchema: writerSchema, limits: limits).decode(bytes)
    }

    /// The single-object encoding of `self` (`C3 01`, fingerprint, datum), written into one buffer.
    @inlinable public func avroSingleObjectEncoded() throws(AvroCodingError) -> [UInt8] {
        var writer = AvroBinaryWriter()
        writer.writeRaw(SingleObjectEncoding.magic)
        let fingerprint = Self.avroRabinFingerprint
        for index in 0..<8 { writer.writeByte(UInt8(truncatingIfNeeded: fingerprint >> (8 * index))) }
        try avroEncode(to: &writer)
        return writer.bytes
    }

    /// Decodes a single-object message; its fingerprint must be ``avroSchema``'s or a schema in `store`.
    public init(avroSingleObject message: [UInt8], store: SchemaStore? = nil) throws {
        let (fingerprint, datum) = try SingleObjectEncoding.unframe(message)
        if fingerprint == Self.avroRabinFingerprint {
            try self.init(avroEncoded: datum)
        } else if let writer = store?.schema(fingerprint: fingerprint) {
            try self.init(avroEncoded: datum, writerSchema: writer)
        } else {
            throw FramingError.unknownFingerprint(fingerprint)
        }
    }

    /// `self` in the Confluent wire format for schema `id`, written into one buffer.
    @inlinable public func avroConfluentEncoded(schemaID id: Int32) throws(AvroCodingError) -> [UInt8] {
        var writer = AvroBinaryWriter()
        ConfluentWireFormat.writeHeader(schemaID: id, to: &writer)
        try avroEncode(to: &writer)
        return writer.bytes
    }
}

extension AvroBinaryWriter {
    /// Writes an array as one block followed by the end marker.
    @inlinable public mutating func writeArray<Element>(
        _ elements: [Element], _ write: (inout AvroBinaryWriter, Element) throws(AvroCodingError) -> Void
    ) throws(AvroCodingError) {
        if !elements.isEmpty {
            writeBlockCount(elements.count)
            for element in elements { try write(&self, element) }
        }
        writeBlockCount(0)
    }

    /// Writes a map as one block (keys in sorted order, so equal maps encode equally) followed by the end marker.
    @inlinable public mutating func writeMap<Value>(
        _ map: [String: Value], _ write: (inout AvroBinaryWriter, Value) throws(AvroCodingError) -> Void
    ) throws(AvroCodingError) {
        if map.count == 1, let (key, value) = map.first {
            writeBlockCount(1)
            writeString(key)
            try write(&self, value)
        } else if !map.isEmpty {
            writeBlockCount(map.count)
            // The entries are sorted where they lie (on the stack when small), not in a new array.
            try withUnsafeTemporaryAllocation(of: (key: String, value: Value).self, capacity: map.count) {
                (entries) throws(AvroCodingError) in
                var entries = entries
                _ = entries.initialize(fromContentsOf: map)
                defer { entries.deinitialize() }
                if entries.count <= 16 {
                    // Insertion sort: maps are small, and the library's sort would allocate a scratch buffer.
                    for position in 1..<entries.count {
                        var slot = position
                        while slot > 0, entries[slot].key < entries[slot - 1].key {
                            entries.swapAt(slot, slot - 1)
                            slot -= 1
                        }
                    }
                } else {
                    entries.sort { $0.key < $1.key }
                }
                for entry in entries {
                    writeString(entry.key)
                    try write(&self, entry.value)
                }
            }
        }
        writeBlockCount(0)
    }
}

extension AvroBinaryReader {
    /// Reads an array's blocks, one `read` per element. `depthTracked: false` skips the nesting count, for
    /// elements whose schema cannot nest without bound (no recursive record inside).
    @inlinable public mutating func readArray<Element>(
        depthTracked: Bool = true, _ read: (inout AvroBinaryReader) throws(AvroCodingError) -> Element
    ) throws(AvroCodingError) -> [Element] {
        if depthTracked { try enter() }
        defer { if depthTracked { leave() } }
        var elements: [Element] = []
        while true {
            let count = try readBlockCount(itemsSoFar: elements.count)
            if count == 0 { return elements }
            elements.reserveCapacity(elements.count + min(count, remaining + 1))
            for _ in 0..<count { elements.append(try read(&self)) }
        }
    }

    /// Reads a map's blocks, one `read` per value (a repeated key keeps its last value); `depthTracked` as for
    /// arrays.
    @inlinable public mutating func readMap<Value>(
        depthTracked: Bool = true, _ read: (inout AvroBinaryReader) throws(AvroCodingError) -> Value
    ) throws(AvroCodingError) -> [String: Value] {
        if depthTracked { try enter() }
        defer { if depthTracked { leave() } }
        var map: [String: Value] = [:]
        var items = 0
        while true {
            let count = try readBlockCount(itemsSoFar: items)
            if count == 0 { return map }
            // (A new dictionary of that capacity, not `reserveCapacity`, which is not specialized for the types.)
            if items == 0 { map = Dictionary(minimumCapacity: min(count, remaining)) }
            items += count
            for _ in 0..<count {
                let key = try readString()
                map.updateValue(try read(&self), forKey: key)
            }
        }
    }

    /// Reads a generated model, union or other binary-codable value; the type comes from the context.
    @inlinable public mutating func read<Value: AvroBinaryCodable>() throws(AvroCodingError) -> Value {
        try Value(avroDecoding: &self)
    }

    /// Reads a union with a `null` branch at `nullIndex` as an optional of its other branches.
    @inlinable public mutating func readOptionalUnion<Value: AvroUnion>(nullIndex: Int, count: Int)
        throws(AvroCodingError) -> Value?
    {
        let branch = try readUnionBranch(count: count)
        return branch == nullIndex ? nil : try Value(avroBranch: branch, reader: &self)
    }

    /// Reads a union branch index and checks it against the number of branches.
    @inlinable public mutating func readUnionBranch(count: Int) throws(AvroCodingError) -> Int {
        let branch = try readLong()
        guard branch >= 0, branch < count else {
            throw error(.invalidIndex, "union branch \(branch) out of range 0..<\(count)")
        }
        return Int(branch)
    }

    /// Reads an enum index and checks it against the number of symbols.
    @inlinable public mutating func readEnumIndex(count: Int) throws(AvroCodingError) -> Int {
        let index = try readInt()
        guard index >= 0, Int(index) < count else {
            throw error(.invalidIndex, "enum index \(index) out of range 0..<\(count)")
        }
        return Int(index)
    }
}

/// Stores a value out of line, so a generated struct can hold a value of its own type (a recursive record)
/// without becoming infinitely large. Generated code puts it only on the fields that close a cycle.
@propertyWrapper
public struct AvroIndirect<Value: Hashable & Sendable>: Hashable, Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value) {
        box = Box(wrappedValue)
    }

    /// The value.
    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(newValue) }
    }

    public static func == (lhs: AvroIndirect, rhs: AvroIndirect) -> Bool {
        lhs.box === rhs.box || lhs.wrappedValue == rhs.wrappedValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(wrappedValue)
    }
}

extension AvroIndirect: Codable where Value: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try Value(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }
}

extension AvroBinaryReader {
    /// Reads a `["null", T]` or `[T, "null"]` union: `nil`, or `read`'s value.
    @inlinable public mutating func readOptional<Value>(
        nullIndex: Int, _ read: (inout AvroBinaryReader) throws(AvroCodingError) -> Value
    ) throws(AvroCodingError) -> Value? {
        try readUnionBranch(count: 2) == nullIndex ? nil : try read(&self)
    }

    /// Reads a union whose only branch is `null`.
    @inlinable public mutating func readNullUnion() throws(AvroCodingError) -> AvroNull {
        _ = try readUnionBranch(count: 1)
        return AvroNull()
    }
}
