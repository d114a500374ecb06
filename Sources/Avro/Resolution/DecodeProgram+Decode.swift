extension DecodeProgram {
    /// Reads one datum from `reader` as a generic value.
    func decode(from reader: inout AvroBinaryReader) throws(AvroCodingError) -> AvroValue {
        try decode(root, &reader)
    }

    private func decode(_ index: Int, _ reader: inout AvroBinaryReader) throws(AvroCodingError) -> AvroValue {
        switch nodes[index] {
        case .null: return .null
        case .boolean: return .boolean(try reader.readBoolean())
        case .int: return .int(try reader.readInt())
        case .long: return .long(try reader.readLong())
        case .float: return .float(try reader.readFloat())
        case .double: return .double(try reader.readDouble())
        case .bytes: return .bytes(try reader.readBytes())
        case .string: return .string(try reader.readString())
        case .fixed(let size): return .fixed(try reader.readFixed(size))
        case .promote(let promotion): return try Self.promote(promotion, &reader)
        case .enumeration(let table): return .enumeration(try readerSymbol(table, &reader).symbol)
        case .array(let items):
            return .array(
                try readBlocks(&reader) { (reader: inout AvroBinaryReader, position: Int) throws(AvroCodingError) in
                    try catching("[\(position)]") { () throws(AvroCodingError) in try decode(items, &reader) }
                })
        case .map(let valueNode):
            return .map(
                try readBlocks(&reader) { (reader: inout AvroBinaryReader, _: Int) throws(AvroCodingError) in
                    let key = try reader.readString()
                    return (
                        key,
                        try catching("[\"\(key)\"]") { () throws(AvroCodingError) in try decode(valueNode, &reader) }
                    )
                })
        case .record(let planIndex):
            try reader.enter()
            defer { reader.leave() }
            let plan = records[planIndex]
            var values: [AvroValue] = []
            if plan.inOrder {
                values.reserveCapacity(plan.readerFieldCount)
                for position in plan.steps {
                    guard case .read(_, let node) = steps[position] else { continue }
                    values.append(
                        try catching(stepNames[position]) { () throws(AvroCodingError) in try decode(node, &reader) })
                }
                return .record(values)
            }
            values = [AvroValue](repeating: .null, count: plan.readerFieldCount)
            for position in plan.steps {
                try catching(stepNames[position]) { () throws(AvroCodingError) in
                    switch steps[position] {
                    case .read(let field, let node): values[field] = try decode(node, &reader)
                    case .skip(let node): try skip(node, &reader)
                    }
                }
            }
            for position in plan.defaults { values[defaults[position].field] = defaults[position].value }
            return .record(values)
        case .writerUnion(let first, let count):
            let branch = try writerBranch(first, count, &reader)
            try reader.enter()
            defer { reader.leave() }
            return try decode(branch, &reader)
        case .readerUnion(let branch, let node):
            return .union(branch: branch, value: try decode(node, &reader))
        case .failure(let message):
            throw reader.error(.schemaMismatch, messages[message])
        }
    }

    /// The reader's symbol (and its index) for the writer's enum index that comes next in the input.
    @inline(__always)
    func readerSymbol(_ table: Int, _ reader: inout AvroBinaryReader) throws(AvroCodingError) -> (
        symbol: String, index: Int
    ) {
        let symbols = enumTables[table]
        let symbolIndex = try reader.readInt()
        guard symbolIndex >= 0, Int(symbolIndex) < symbols.count else {
            throw reader.error(.invalidIndex, "enum index \(symbolIndex) out of range 0..<\(symbols.count)")
        }
        switch symbols[Int(symbolIndex)] {
        case .symbol(let symbol, let index): return (symbol, index)
        case .failure(let message): throw reader.error(.schemaMismatch, message)
        }
    }

    /// The node of the writer union branch whose index comes next in the input.
    @inline(__always)
    func writerBranch(_ first: Int, _ count: Int, _ reader: inout AvroBinaryReader) throws(AvroCodingError)
        -> Int
    {
        let branch = try reader.readLong()
        guard branch >= 0, branch < count else {
            throw reader.error(.invalidIndex, "union branch \(branch) out of range 0..<\(count)")
        }
        return children[first + Int(branch)]
    }

    /// The elements of an array's or map's blocks, one `item` each (given its position).
    @inline(__always)
    private func readBlocks<Element>(
        _ reader: inout AvroBinaryReader,
        item: (inout AvroBinaryReader, Int) throws(AvroCodingError) -> Element
    ) throws(AvroCodingError) -> [Element] {
        try reader.enter()
        defer { reader.leave() }
        var elements: [Element] = []
        while true {
            let count = try reader.readBlockCount(itemsSoFar: elements.count)
            if count == 0 { return elements }
            elements.reserveCapacity(elements.count + min(count, reader.remaining + 1))
            for _ in 0..<count { elements.append(try item(&reader, elements.count)) }
        }
    }

    private static func promote(
        _ promotion: ResolutionRules.Promotion, _ reader: inout AvroBinaryReader
    ) throws(AvroCodingError) -> AvroValue {
        switch promotion {
        case .intToLong: return .long(Int64(try reader.readInt()))
        case .intToFloat: return .float(Float(try reader.readInt()))
        case .intToDouble: return .double(Double(try reader.readInt()))
        case .longToFloat: return .float(Float(try reader.readLong()))
        case .longToDouble: return .double(Double(try reader.readLong()))
        case .floatToDouble: return .double(Double(try reader.readFloat()))
        case .stringToBytes: return .bytes(try reader.readBytes())
        case .bytesToString:
            // The spec allows the promotion whatever the bytes are; like Apache Avro Java, bytes that are not
            // UTF-8 are read leniently (as U+FFFD) instead of failing, so compatible schemas always resolve.
            let raw = try reader.readRawBytes(try reader.readLength())
            return .string(String(decoding: raw, as: UTF8.self))
        }
    }

    /// Reads past one datum of node `index` without building a value.
    func skip(_ index: Int, _ reader: inout AvroBinaryReader) throws(AvroCodingError) {
        switch nodes[index] {
        case .null: return
        case .boolean: _ = try reader.readBoolean()
        case .int, .enumeration: _ = try reader.readInt()
        case .long: _ = try reader.readLong()
        case .float: try reader.skip(4)
        case .double: try reader.skip(8)
        case .bytes, .string: try reader.skip(try reader.readLength())
        case .fixed(let size): try reader.skip(size)
        case .promote(let promotion):
            switch promotion {
            case .intToLong, .intToFloat, .intToDouble: _ = try reader.readInt()
            case .longToFloat, .longToDouble: _ = try reader.readLong()
            case .floatToDouble: try reader.skip(4)
            case .stringToBytes, .bytesToString: try reader.skip(try reader.readLength())
            }
        case .array(let items):
            try reader.enter()
            defer { reader.leave() }
            try skipBlocks(&reader) { (reader: inout AvroBinaryReader) throws(AvroCodingError) in
                try skip(items, &reader)
            }
        case .map(let values):
            try reader.enter()
            defer { reader.leave() }
            try skipBlocks(&reader) { (reader: inout AvroBinaryReader) throws(AvroCodingError) in
                try reader.skip(try reader.readLength())
                try skip(values, &reader)
            }
        case .record(let planIndex):
            try reader.enter()
            defer { reader.leave() }
            for position in records[planIndex].steps {
                switch steps[position] {
                case .read(_, let node), .skip(let node): try skip(node, &reader)
                }
            }
        case .writerUnion(let first, let count):
            let branch = try writerBranch(first, count, &reader)
            try reader.enter()
            defer { reader.leave() }
            try skip(branch, &reader)
        case .readerUnion(_, let node): try skip(node, &reader)
        case .failure(let message): throw reader.error(.schemaMismatch, messages[message])
        }
    }

    /// Skips the blocks of an array or map; a negative count's byte size lets whole blocks be jumped over.
    private func skipBlocks(
        _ reader: inout AvroBinaryReader, item: (inout AvroBinaryReader) throws(AvroCodingError) -> Void
    ) throws(AvroCodingError) {
        var items = 0
        while true {
            let (count, size) = try reader.readBlockHeader()
            if count == 0 { return }
            if let size {
                try reader.skip(Int(clamping: size))
                continue
            }
            try reader.chargeItems(count, itemsSoFar: items)
            items += Int(count)
            for _ in 0..<count { try item(&reader) }
        }
    }
}
