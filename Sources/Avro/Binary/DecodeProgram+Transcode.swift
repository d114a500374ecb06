extension DecodeProgram {
    /// Reads one datum written with the plan's writer schema and writes it in the reader schema's binary
    /// encoding: fields reordered, defaults filled in, skipped fields dropped, promotions and enum and union
    /// indices mapped.
    ///
    /// No generic value is built: a generated model then decodes the reader's bytes directly, so resolving costs
    /// one pass over bytes instead of a tree of values and a re-encode.
    @usableFromInline func transcode(from reader: inout AvroBinaryReader, to writer: inout AvroBinaryWriter)
        throws(AvroCodingError)
    {
        try transcode(root, &reader, &writer)
    }

    private func transcode(_ index: Int, _ reader: inout AvroBinaryReader, _ writer: inout AvroBinaryWriter)
        throws(AvroCodingError)
    {
        switch nodes[index] {
        case .null: return
        case .boolean: writer.writeBoolean(try reader.readBoolean())
        case .int: writer.writeInt(try reader.readInt())
        case .long: writer.writeLong(try reader.readLong())
        case .float: writer.writeRaw(try reader.readRawBytes(4))
        case .double: writer.writeRaw(try reader.readRawBytes(8))
        case .bytes, .string: writer.writeBytes(try reader.readRawBytes(try reader.readLength()))
        case .fixed(let size): writer.writeRaw(try reader.readRawBytes(size))
        case .promote(let promotion): try Self.transcode(promotion, &reader, &writer)
        case .enumeration(let table):
            let symbols = enumTables[table]
            let symbolIndex = try reader.readInt()
            guard symbolIndex >= 0, Int(symbolIndex) < symbols.count else {
                throw reader.error(.invalidIndex, "enum index \(symbolIndex) out of range 0..<\(symbols.count)")
            }
            switch symbols[Int(symbolIndex)] {
            case .symbol(_, let readerIndex): writer.writeInt(Int32(readerIndex))
            case .failure(let message): throw reader.error(.schemaMismatch, message)
            }
        case .array(let items):
            try transcodeBlocks(&reader, &writer) { (reader, writer, position) throws(AvroCodingError) in
                try catching("[\(position)]") { () throws(AvroCodingError) in try transcode(items, &reader, &writer) }
            }
        case .map(let values):
            try transcodeBlocks(&reader, &writer) { (reader, writer, _) throws(AvroCodingError) in
                let key = try reader.readRawBytes(try reader.readLength())
                writer.writeBytes(key)
                try catching("[\"\(String(decoding: key, as: UTF8.self))\"]") { () throws(AvroCodingError) in
                    try transcode(values, &reader, &writer)
                }
            }
        case .record(let planIndex):
            try reader.enter()
            defer { reader.leave() }
            try transcodeRecord(records[planIndex], &reader, &writer)
        case .writerUnion(let first, let count):
            let branch = try reader.readLong()
            guard branch >= 0, branch < count else {
                throw reader.error(.invalidIndex, "union branch \(branch) out of range 0..<\(count)")
            }
            try reader.enter()
            defer { reader.leave() }
            try transcode(children[first + Int(branch)], &reader, &writer)
        case .readerUnion(let branch, let node):
            writer.writeLong(Int64(branch))
            try transcode(node, &reader, &writer)
        case .failure(let message):
            throw reader.error(.schemaMismatch, messages[message])
        }
    }

    /// Writes a record's fields in the reader's order. When the writer's order differs, a first pass skips
    /// through the writer's fields noting where each starts (on the stack), and the second transcodes them in the
    /// reader's order from there: no field is written twice and nothing is allocated.
    private func transcodeRecord(
        _ plan: RecordPlan, _ reader: inout AvroBinaryReader, _ writer: inout AvroBinaryWriter
    ) throws(AvroCodingError) {
        if plan.inOrder {
            for position in plan.steps {
                guard case .read(_, let node) = steps[position] else { continue }
                try catching(stepNames[position]) { () throws(AvroCodingError) in try transcode(node, &reader, &writer)
                }
            }
            return
        }
        let result = withUnsafeTemporaryAllocation(of: Int.self, capacity: plan.steps.count) {
            starts -> Result<Void, AvroCodingError> in
            do throws(AvroCodingError) {
                // The skip pass charges nothing against the item budget: the transcoding pass counts each item.
                let charged = reader.itemsCharged
                for (offset, position) in plan.steps.enumerated() {
                    starts[offset] = reader.position
                    try catching(stepNames[position]) { () throws(AvroCodingError) in
                        switch steps[position] {
                        case .read(_, let node), .skip(let node): try skip(node, &reader)
                        }
                    }
                }
                reader.itemsCharged = charged
                let end = reader.position
                for source in sources[plan.sources] {
                    switch source {
                    case .writerField(let offset):
                        let position = plan.steps.lowerBound + offset
                        guard case .read(_, let node) = steps[position] else { continue }
                        reader.position = starts[offset]
                        try catching(stepNames[position]) { () throws(AvroCodingError) in
                            try transcode(node, &reader, &writer)
                        }
                    case .defaultValue(let index):
                        guard let bytes = defaultBytes[index] else {
                            throw reader.error(.schemaMismatch, "a reader default does not encode")
                        }
                        writer.writeRaw(bytes)
                    }
                }
                reader.position = end
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Copies an array's or map's blocks as positive-count blocks and the end marker, one `item` per element
    /// (given its position).
    private func transcodeBlocks(
        _ reader: inout AvroBinaryReader, _ writer: inout AvroBinaryWriter,
        item: (inout AvroBinaryReader, inout AvroBinaryWriter, Int) throws(AvroCodingError) -> Void
    ) throws(AvroCodingError) {
        try reader.enter()
        defer { reader.leave() }
        var items = 0
        while true {
            let count = try reader.readBlockCount(itemsSoFar: items)
            writer.writeBlockCount(count)
            if count == 0 { return }
            for _ in 0..<count {
                try item(&reader, &writer, items)
                items += 1
            }
        }
    }

    private static func transcode(
        _ promotion: ResolutionRules.Promotion, _ reader: inout AvroBinaryReader, _ writer: inout AvroBinaryWriter
    ) throws(AvroCodingError) {
        switch promotion {
        case .intToLong: writer.writeLong(Int64(try reader.readInt()))
        case .intToFloat: writer.writeFloat(Float(try reader.readInt()))
        case .intToDouble: writer.writeDouble(Double(try reader.readInt()))
        case .longToFloat: writer.writeFloat(Float(try reader.readLong()))
        case .longToDouble: writer.writeDouble(Double(try reader.readLong()))
        case .floatToDouble: writer.writeDouble(Double(try reader.readFloat()))
        case .stringToBytes: writer.writeBytes(try reader.readRawBytes(try reader.readLength()))
        case .bytesToString:
            // Lenient as the generic decode (U+FFFD for bytes that are not UTF-8), so the model's string decode
            // never fails on data the resolution rules accept.
            let raw = try reader.readRawBytes(try reader.readLength())
            writer.writeString(String(decoding: raw, as: UTF8.self))
        }
    }
}
