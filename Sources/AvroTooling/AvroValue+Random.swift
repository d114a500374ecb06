import Avro

extension AvroValue {
    /// A random value of `schema`, for tests and sample data: edge values (limits of ints, empty and non-ASCII
    /// strings, empty collections) come up often, and logical types get plausible values (UUIDs, instants in this
    /// century). Recursion stops past `maxDepth` by choosing null branches and
    /// empty collections where the schema allows. Floating-point values are finite.
    ///
    /// A schema with no values (an enum without symbols, an empty union) where a value is required is an error;
    /// unions avoid such branches and collections of them stay empty.
    package static func random<Generator: RandomNumberGenerator>(
        for schema: Schema, using generator: inout Generator, maxDepth: Int = 4
    ) throws(AvroCodingError) -> AvroValue {
        try random(schema, &generator, depth: 0, maxDepth: maxDepth)
    }

    private static func random<Generator: RandomNumberGenerator>(
        _ schema: Schema, _ generator: inout Generator, depth: Int, maxDepth: Int
    ) throws(AvroCodingError) -> AvroValue {
        let deep = depth >= maxDepth
        func count(of element: Schema) -> Int {
            deep || element.hasNoValues ? 0 : Int.random(in: 0...3, using: &generator)
        }
        func count() -> Int { deep ? 0 : Int.random(in: 0...3, using: &generator) }
        if let logical = randomLogical(schema, &generator) { return logical }
        switch schema.kind {
        case .null: return .null
        case .boolean: return .boolean(Bool.random(using: &generator))
        case .int:
            let edges: [Int32] = [0, -1, 1, .min, .max]
            return .int(
                Bool.random(using: &generator)
                    ? edges[Int.random(in: 0..<edges.count, using: &generator)]
                    : Int32.random(in: .min ... .max, using: &generator))
        case .long:
            let edges: [Int64] = [0, -1, 1, .min, .max, 1_700_000_000_000]
            return .long(
                Bool.random(using: &generator)
                    ? edges[Int.random(in: 0..<edges.count, using: &generator)]
                    : Int64.random(in: .min ... .max, using: &generator))
        case .float: return .float(Float(Int32.random(in: -1_000_000...1_000_000, using: &generator)) / 64)
        case .double: return .double(Double.random(in: -1e12...1e12, using: &generator))
        case .bytes: return .bytes((0..<count() * 3).map { _ in UInt8.random(in: 0 ... .max, using: &generator) })
        case .string: return .string(randomString(count() * 2, &generator))
        case .fixed(let fixed):
            return .fixed((0..<fixed.size).map { _ in UInt8.random(in: 0 ... .max, using: &generator) })
        case .enumeration(let enumeration):
            guard let symbol = enumeration.symbols.randomElement(using: &generator) else {
                throw AvroCodingError(
                    .schemaMismatch, "enum \(enumeration.name.fullName) has no symbols: no value of it exists")
            }
            return .enumeration(symbol)
        case .array(let items):
            var elements: [AvroValue] = []
            for _ in 0..<count(of: items) {
                elements.append(try random(items, &generator, depth: depth + 1, maxDepth: maxDepth))
            }
            return .array(elements)
        case .map(let values):
            var entries: [(key: String, value: AvroValue)] = []
            for index in 0..<count(of: values) {
                entries.append(
                    (
                        "k\(index)" + randomString(2, &generator),
                        try random(values, &generator, depth: depth + 1, maxDepth: maxDepth)
                    ))
            }
            return .map(entries)
        case .record(let record):
            let recordFields = record.fields
            var fields: [AvroValue] = []
            fields.reserveCapacity(recordFields.count)
            for field in recordFields {
                do throws(AvroCodingError) {
                    fields.append(try random(field.type, &generator, depth: depth + 1, maxDepth: maxDepth))
                } catch {
                    throw error.within(field.name)
                }
            }
            return .record(fields)
        case .union(let branches):
            guard let inhabited = branches.firstIndex(where: { !$0.hasNoValues }) else {
                throw AvroCodingError(.schemaMismatch, "a union with no branch that has values: no value of it exists")
            }
            var index = Int.random(in: 0..<branches.count, using: &generator)
            if deep, let shallow = branches.firstIndex(where: { !$0.canRecurse && !$0.hasNoValues }) { index = shallow }
            if branches[index].hasNoValues { index = inhabited }
            return .union(
                branch: index, value: try random(branches[index], &generator, depth: depth + 1, maxDepth: maxDepth))
        }
    }

    /// Plausible values for logical types: UUID text, instants between 2000 and 2100, days and times in range.
    private static func randomLogical<Generator: RandomNumberGenerator>(
        _ schema: Schema, _ generator: inout Generator
    ) -> AvroValue? {
        let millisPerCentury: Int64 = 3_155_760_000_000
        let year2000: Int64 = 946_684_800_000
        switch schema.logicalType {
        case .uuid:
            guard case .string = schema.kind else { return nil }
            let hex = (0..<32).map { _ in String(UInt8.random(in: 0..<16, using: &generator), radix: 16) }.joined()
            var text = Array(hex)
            text[12] = "4"
            for position in [20, 16, 12, 8] { text.insert("-", at: position) }
            return .string(String(text))
        case .timestampMillis, .localTimestampMillis:
            return .long(year2000 + Int64.random(in: 0..<millisPerCentury, using: &generator))
        case .timestampMicros, .localTimestampMicros:
            return .long((year2000 + Int64.random(in: 0..<millisPerCentury, using: &generator)) * 1000)
        case .timestampNanos, .localTimestampNanos:
            return .long((year2000 + Int64.random(in: 0..<millisPerCentury / 1000, using: &generator)) * 1_000_000)
        case .decimal:
            // Minimal two's complement, as every implementation writes a decimal.
            guard case .bytes = schema.kind else { return nil }
            let count = Int.random(in: 1...8, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            return .bytes(AvroDecimal(unscaledBytes: bytes, scale: 0).unscaledBytes)
        case .bigDecimal:
            var inner = AvroBinaryWriter()
            let count = Int.random(in: 1...8, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            inner.writeBytes(AvroDecimal(unscaledBytes: bytes, scale: 0).unscaledBytes)
            inner.writeInt(Int32.random(in: 0...20, using: &generator))
            return .bytes(inner.bytes)
        case .date: return .int(Int32.random(in: 10957..<47482, using: &generator))
        case .timeMillis: return .int(Int32.random(in: 0..<86_400_000, using: &generator))
        case .timeMicros: return .long(Int64.random(in: 0..<86_400_000_000, using: &generator))
        default: return nil
        }
    }

    private static func randomString<Generator: RandomNumberGenerator>(_ length: Int, _ generator: inout Generator)
        -> String
    {
        let alphabet: [Character] = ["a", "Z", "0", " ", "é", "ß", "中", "😀", "\"", "\\", "\n", "_"]
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

extension Schema {
    /// Whether the schema obviously has no values: an enum without symbols, a union without branches, or a union
    /// of such. (A record with such a required field has none either; ``AvroValue/random(for:using:maxDepth:)``
    /// reports it when it gets there.)
    var hasNoValues: Bool {
        switch kind {
        case .enumeration(let enumeration): return enumeration.symbols.isEmpty
        case .union(let branches): return branches.allSatisfy(\.hasNoValues)
        default: return false
        }
    }

    /// Whether values of this schema can contain records (and so, possibly, recursion).
    var canRecurse: Bool {
        switch kind {
        case .record, .array, .map, .union: return true
        default: return false
        }
    }
}
