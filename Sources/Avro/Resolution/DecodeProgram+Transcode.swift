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
        case .enumeration(let table): writer.writeInt(Int32(try readerSymbol(table, &reader).index))
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
            let branch = try writerBranch(first, count, &reader)
            try reader.enter()
            defer { reader.leave() }
            try transcode(branch, &reader, &writer)
        case .readerUnion(let branch, let node):
            writer.writeLong(Int64(branch))
            try transcode(node, &reader, &writer)
        case .failure(let message):
            throw reader.error(.schemaMismatch, messages[message])
        }
    }

    /// Writes a record's fields in the reader's order. When the writer's order differs, the fields are written as
    /// they come and the defaults after them, each reader field's bytes noted (on the stack), and the record's
    /// bytes are then rearranged in place: one pass over the input and no heap allocation.
    private func transcodeRecord(
        _ plan: RecordPlan, _ reader: inout AvroBinaryReader, _ writer: inout AvroBinaryWriter
    ) throws(AvroCodingError) {
        if plan.inOrder {
            for position in plan.steps {
                guard case .read(_, let node) = steps[position] else { continue }
                try catching(stepNames[position]) { () throws(AvroCodingError) in
                    try transcode(node, &reader, &writer)
                }
            }
            return
        }
        let result = withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: plan.readerFieldCount) {
            spans -> Result<Void, AvroCodingError> in
            do throws(AvroCodingError) {
                let start = writer.storage.count
                for position in plan.steps {
                    try catching(stepNames[position]) { () throws(AvroCodingError) in
                        switch steps[position] {
                        case .read(let field, let node):
                            let fieldStart = writer.storage.count
                            try transcode(node, &reader, &writer)
                            spans.initializeElement(at: field, to: fieldStart..<writer.storage.count)
                        case .skip(let node):
                            try skip(node, &reader)
                        }
                    }
                }
                for position in plan.defaults {
                    guard let bytes = defaultBytes[position] else {
                        throw reader.error(.schemaMismatch, "a reader default does not encode")
                    }
                    let fieldStart = writer.storage.count
                    writer.writeRaw(bytes)
                    spans.initializeElement(at: defaults[position].field, to: fieldStart..<writer.storage.count)
                }
                // Every reader field is read or defaulted (the compiler refuses a record otherwise).
                writer.rearrange(from: start, spans: UnsafeBufferPointer(spans))
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

extension AvroBinaryWriter {
    /// Rewrites the bytes from `start` to the end as the concatenation of `spans` (which together cover them
    /// once), through one temporary copy.
    mutating func rearrange(from start: Int, spans: UnsafeBufferPointer<Range<Int>>) {
        let length = storage.count - start
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { scratch in
            storage.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress, let copy = scratch.baseAddress else { return }
                copy.update(from: base + start, count: length)
                var output = start
                for span in spans {
                    (base + output).update(from: copy + (span.lowerBound - start), count: span.count)
                    output += span.count
                }
            }
        }
    }
}

extension DecodeProgram {
    /// Rewrites the datum at `reader` into the reader schema's encoding and hands those bytes to `read`, under the
    /// same limits: how a model that cannot read the writer's encoding itself reads it.
    @usableFromInline func readRewritten<Result>(
        from reader: inout AvroBinaryReader, _ read: (inout AvroBinaryReader) throws(AvroCodingError) -> Result
    ) throws(AvroCodingError) -> Result {
        var rewritten = AvroBinaryWriter()
        try transcode(from: &reader, to: &rewritten)
        return try AvroBinaryReader.withReader(rewritten.storage, limits: reader.limits, read)
    }
}
