/// Compiles a (writer, reader) pair into a ``DecodeProgram``, applying every rule of the specification's
/// schema resolution through ``ResolutionRules``.
///
/// A mismatch that only some data can reach (a writer union branch the reader cannot read, an enum symbol the
/// reader lacks with no default) compiles into a failure node: reading such a datum fails, others succeed,
/// as in Apache Avro Java. A mismatch every datum reaches fails compilation.
struct ResolutionCompiler {
    private var program = DecodeProgramBuilder()
    private var named: [NamedPair: Int] = [:]

    private struct NamedPair: Hashable {
        var writer: ObjectIdentifier
        var reader: ObjectIdentifier
    }

    static func compile(writer: Schema, reader: Schema) throws(ResolutionError) -> DecodeProgram {
        var compiler = ResolutionCompiler()
        let root = try compiler.resolve(writer, reader)
        return DecodeProgram(builder: compiler.program, root: root)
    }

    private mutating func add(_ node: DecodeNode) -> Int {
        program.add(node)
    }

    private func mismatch(_ kind: ResolutionError.Kind, _ message: String, _ writer: Schema, _ reader: Schema)
        -> ResolutionError
    {
        ResolutionError(kind, message, writer: writer.location, reader: reader.location)
    }

    private mutating func resolve(_ writer: Schema, _ reader: Schema) throws(ResolutionError) -> Int {
        if case .union(let writerBranches) = writer.kind {
            var branches: [Int] = []
            for branch in writerBranches {
                do {
                    branches.append(try resolve(branch, reader))
                } catch {
                    branches.append(program.failure(error.message))
                }
            }
            program.children += branches
            return add(.writerUnion(first: program.children.count - branches.count, count: branches.count))
        }
        if case .union(let readerBranches) = reader.kind {
            guard let index = ResolutionRules.readerBranch(for: writer, in: readerBranches) else {
                throw mismatch(
                    .missingUnionBranch, "the reader's union has no branch for the writer's \(writer.branchName)",
                    writer, reader)
            }
            let node = try resolve(writer, readerBranches[index])
            return add(.readerUnion(branch: index, node: node))
        }
        switch (writer.kind, reader.kind) {
        case (.null, .null): return add(.null)
        case (.boolean, .boolean): return add(.boolean)
        case (.int, .int): return add(.int)
        case (.long, .long): return add(.long)
        case (.float, .float): return add(.float)
        case (.double, .double): return add(.double)
        case (.bytes, .bytes): return add(.bytes)
        case (.string, .string): return add(.string)
        case (.array(let writerItems), .array(let readerItems)):
            let index = add(.null)
            program.nodes[index] = .array(items: try resolve(writerItems, readerItems))
            return index
        case (.map(let writerValues), .map(let readerValues)):
            let index = add(.null)
            program.nodes[index] = .map(values: try resolve(writerValues, readerValues))
            return index
        case (.fixed(let w), .fixed(let r)):
            guard ResolutionRules.namesMatch(writer: w, reader: r) else {
                throw mismatch(.nameMismatch, "expected fixed \(r.name), found \(w.name)", writer, reader)
            }
            guard w.size == r.size else {
                throw mismatch(
                    .fixedSizeMismatch, "expected fixed size \(r.size), found \(w.size) (\(r.name))", writer, reader)
            }
            return add(.fixed(size: w.size))
        case (.enumeration(let w), .enumeration(let r)):
            guard ResolutionRules.namesMatch(writer: w, reader: r) else {
                throw mismatch(.nameMismatch, "expected enum \(r.name), found \(w.name)", writer, reader)
            }
            let readerIndex = Dictionary(
                r.symbols.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            program.enumTables.append(
                w.symbols.map { symbol in
                    if let index = readerIndex[symbol] { return .symbol(symbol, index: index) }
                    if let fallback = r.defaultSymbol, let index = readerIndex[fallback] {
                        return .symbol(fallback, index: index)
                    }
                    return .failure("the reader's enum \(r.name) has no symbol \(symbol) and no default")
                })
            return add(.enumeration(table: program.enumTables.count - 1))
        case (.record(let w), .record(let r)):
            guard ResolutionRules.namesMatch(writer: w, reader: r) else {
                throw mismatch(.nameMismatch, "expected record \(r.name), found \(w.name)", writer, reader)
            }
            return try resolveRecord(w, r, writer, reader)
        default:
            if let promotion = ResolutionRules.promotion(from: writer.kind, to: reader.kind) {
                return add(.promote(promotion))
            }
            throw mismatch(
                .typeMismatch, "the reader expects \(reader.branchName), the writer wrote \(writer.branchName)",
                writer, reader)
        }
    }

    private mutating func resolveRecord(
        _ w: RecordSchema, _ r: RecordSchema, _ writer: Schema, _ reader: Schema
    ) throws(ResolutionError) -> Int {
        let key = NamedPair(writer: w.id, reader: r.id)
        if let existing = named[key] { return existing }
        let index = add(.null)
        named[key] = index
        let writerFields = w.storage.fields
        let readerFields = r.storage.fields
        var readerFieldOfWriter: [Int?] = Array(repeating: nil, count: writerFields.count)
        var defaults: [(field: Int, value: AvroValue)] = []
        var defaultBytes: [[UInt8]?] = []
        for (readerIndex, readerField) in readerFields.enumerated() {
            if let writerIndex = ResolutionRules.writerFieldIndex(for: readerField, in: writerFields) {
                readerFieldOfWriter[writerIndex] = readerIndex
            } else if let defaultJSON = readerField.defaultValue,
                let value = AvroValue(defaultValue: defaultJSON, schema: readerField.type)
            {
                defaults.append((readerIndex, value))
                // A validated default always encodes; should one not, transcoding a record that needs it fails.
                var encoded = AvroBinaryWriter()
                let encodes = (try? EncodeProgram(schema: readerField.type).encode(value, to: &encoded)) != nil
                defaultBytes.append(encodes ? encoded.bytes : nil)
            } else {
                throw ResolutionError(
                    .readerFieldMissingDefaultValue,
                    "the reader's field \(r.name).\(readerField.name) is not in the writer's data and has no default",
                    writer: writer.location, reader: readerField.location)
            }
        }
        var steps: [RecordPlan.Step] = []
        for (writerIndex, writerField) in writerFields.enumerated() {
            if let readerIndex = readerFieldOfWriter[writerIndex] {
                steps.append(
                    .read(field: readerIndex, node: try resolve(writerField.type, readerFields[readerIndex].type)))
            } else {
                steps.append(.skip(node: try resolve(writerField.type, writerField.type)))
            }
        }
        let inOrder =
            defaults.isEmpty && steps.count == readerFields.count
            && steps.enumerated().allSatisfy { position, step in
                if case .read(let field, _) = step { return field == position }
                return false
            }
        program.steps += steps
        program.stepNames += writerFields.map(\.name)
        program.defaults += defaults
        program.defaultBytes += defaultBytes
        program.records.append(
            RecordPlan(
                steps: program.steps.count - steps.count..<program.steps.count,
                defaults: program.defaults.count - defaults.count..<program.defaults.count,

                readerFieldCount: readerFields.count, inOrder: inOrder))
        program.nodes[index] = .record(plan: program.records.count - 1)
        return index
    }
}
