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
