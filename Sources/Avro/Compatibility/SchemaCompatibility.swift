/// Whether a reader schema can read data written with a writer schema, with every reason it cannot: the
/// semantics of Apache Avro Java's `SchemaCompatibility`, which Confluent Schema Registry runs, built on the
/// same resolution rules as the resolver (what the checker accepts, the resolver reads).
public struct SchemaCompatibility {
    private var found: [Incompatibility] = []
    private var inProgress: Set<Pair> = []
    private let strict: Bool

    private struct Pair: Hashable {
        var reader: ObjectIdentifier
        var writer: ObjectIdentifier
    }

    /// Every incompatibility between `reader` and `writer` (empty when compatible). With `strict`, also the
    /// changes of decimal precision/scale, logical type and namespace, reported as type mismatches whose
    /// message names the strict rule.
    public static func incompatibilities(reader: Schema, writer: Schema, strict: Bool = false) -> [Incompatibility] {
        var checker = SchemaCompatibility(strict: strict)
        checker.check(reader, writer)
        return checker.found
    }

    private init(strict: Bool) {
        self.strict = strict
    }

    private mutating func report(
        _ kind: ResolutionError.Kind, _ message: String, _ reader: Schema, _ writer: Schema,
        strict strictKind: StrictKind? = nil
    ) {
        found.append(
            Incompatibility(
                kind: kind, message: strictKind?.tagged(message) ?? message, strictKind: strictKind,
                readerLocation: reader.location, writerLocation: writer.location))
    }

    private mutating func check(_ reader: Schema, _ writer: Schema) {
        if strict { checkStrict(reader, writer) }
        switch (reader.kind, writer.kind) {
        case (_, .union(let writerBranches)):
            // Every branch the writer may write must be readable.
            if case .union = reader.kind {
                for branch in writerBranches where !readable(by: reader, branch) {
                    report(
                        .missingUnionBranch, "the reader's union has no branch for the writer's \(branch.branchName)",
                        reader, branch)
                }
            } else {
                for branch in writerBranches { check(reader, branch) }
            }
        case (.union(let readerBranches), _):
            if let index = ResolutionRules.readerBranch(for: writer, in: readerBranches) {
                check(readerBranches[index], writer)
            } else {
                report(
                    .missingUnionBranch, "the reader's union has no branch for the writer's \(writer.branchName)",
                    reader,
                    writer)
            }
        case (.null, .null), (.boolean, .boolean), (.int, .int), (.long, .long), (.float, .float), (.double, .double),
            (.bytes, .bytes), (.string, .string):
            return
        case (.array(let readerItems), .array(let writerItems)):
            check(readerItems, writerItems)
        case (.map(let readerValues), .map(let writerValues)):
            check(readerValues, writerValues)
        case (.fixed(let r), .fixed(let w)):
            if !ResolutionRules.namesMatch(writer: w, reader: r) {
                report(.nameMismatch, "expected fixed \(r.name), found \(w.name)", reader, writer)
            } else if r.size != w.size {
                report(.fixedSizeMismatch, "expected fixed size \(r.size), found \(w.size) (\(r.name))", reader, writer)
            }
        case (.enumeration(let r), .enumeration(let w)):
            guard ResolutionRules.namesMatch(writer: w, reader: r) else {
                report(.nameMismatch, "expected enum \(r.name), found \(w.name)", reader, writer)
                return
            }
            let missing = w.symbols.filter { !r.symbols.contains($0) }
            if !missing.isEmpty && r.defaultSymbol == nil {
                report(
                    .missingEnumSymbols,
                    "the reader's enum \(r.name) lacks the writer's symbols \(missing.joined(separator: ", ")) and has no default",
                    reader, writer)
            }
        case (.record(let r), .record(let w)):
            guard ResolutionRules.namesMatch(writer: w, reader: r) else {
                report(.nameMismatch, "expected record \(r.name), found \(w.name)", reader, writer)
                return
            }
            let pair = Pair(reader: r.id, writer: w.id)
            guard inProgress.insert(pair).inserted else { return }  // recursion: assume compatible, as Java does
            defer { inProgress.remove(pair) }
            let writerFields = w.storage.fields
            for readerField in r.storage.fields {
                if let index = ResolutionRules.writerFieldIndex(for: readerField, in: writerFields) {
                    check(readerField.type, writerFields[index].type)
                } else if readerField.defaultValue == nil {
                    found.append(
                        Incompatibility(
                            kind: .readerFieldMissingDefaultValue,
                            message:
                                "the reader's field \(r.name).\(readerField.name) is not in the writer's schema and has no default",
                            readerLocation: readerField.location, writerLocation: writer.location))
                }
            }
        default:
            if ResolutionRules.promotion(from: writer.kind, to: reader.kind) == nil {
                report(
                    .typeMismatch, "the reader expects \(reader.branchName), the writer wrote \(writer.branchName)",
                    reader,
                    writer)
            }
        }
    }

    /// Whether some branch of the reader union reads `writer` without any incompatibility.
    private func readable(by readerUnion: Schema, _ writer: Schema) -> Bool {
        guard case .union(let branches) = readerUnion.kind,
            let index = ResolutionRules.readerBranch(for: writer, in: branches)
        else { return false }
        var nested = SchemaCompatibility(strict: strict)
        nested.inProgress = inProgress
        nested.check(branches[index], writer)
        return nested.found.isEmpty
    }

    private mutating func checkStrict(_ reader: Schema, _ writer: Schema) {
        let readerLogical = reader.logicalType ?? (reader.namedType as? FixedSchema)?.logicalType
        let writerLogical = writer.logicalType ?? (writer.namedType as? FixedSchema)?.logicalType
        switch (readerLogical, writerLogical) {
        case (.decimal(let rp, let rs), .decimal(let wp, let ws)) where rp != wp || rs != ws:
            report(
                .typeMismatch, "decimal(\(wp), \(ws)) became decimal(\(rp), \(rs))", reader, writer,
                strict: .decimalChanged)
        case (let r, let w) where r?.name != w?.name && !(reader.kind.isUnion || writer.kind.isUnion):
            report(
                .typeMismatch, "logical type \(w?.name ?? "none") became \(r?.name ?? "none")", reader, writer,
                strict: .logicalTypeChanged)
        default: break
        }
        if let r = reader.namedType, let w = writer.namedType, r.name.name == w.name.name,
            r.name.namespace != w.name.namespace
        {
            report(
                .nameMismatch, "\(w.name) moved to namespace \(r.name.namespace ?? "(none)")", reader, writer,
                strict: .namespaceChanged)
        }
    }
}

extension Schema.Kind {
    var isUnion: Bool {
        if case .union = self { return true }
        return false
    }
}
