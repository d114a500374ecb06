/// The rules of schema resolution that both the resolver and the compatibility checker apply, so that what
/// the checker calls compatible is exactly what the resolver can read.
package enum ResolutionRules {
    /// A promotion of a writer's primitive to a reader's.
    package enum Promotion: Sendable, Hashable {
        case intToLong, intToFloat, intToDouble, longToFloat, longToDouble, floatToDouble, stringToBytes, bytesToString
    }

    /// The promotion from `writer` to `reader`, if the specification allows one.
    package static func promotion(from writer: Schema.Kind, to reader: Schema.Kind) -> Promotion? {
        switch (writer, reader) {
        case (.int, .long): return .intToLong
        case (.int, .float): return .intToFloat
        case (.int, .double): return .intToDouble
        case (.long, .float): return .longToFloat
        case (.long, .double): return .longToDouble
        case (.float, .double): return .floatToDouble
        case (.string, .bytes): return .stringToBytes
        case (.bytes, .string): return .bytesToString
        default: return nil
        }
    }

    /// Whether a reader's named type matches a writer's, as Apache Avro Java decides: the unqualified names are
    /// equal, or one of the reader's aliases is the writer's full name.
    package static func namesMatch(writer: any NamedSchema, reader: any NamedSchema) -> Bool {
        writer.name.name == reader.name.name || reader.aliases.contains(writer.name)
    }

    /// Whether `writer` and `reader` are the same kind of schema (and, for named types, match by name), with no
    /// promotion: the first test for choosing a reader union branch.
    package static func sameType(writer: Schema, reader: Schema) -> Bool {
        switch (writer.kind, reader.kind) {
        case (.null, .null), (.boolean, .boolean), (.int, .int), (.long, .long), (.float, .float),
            (.double, .double), (.bytes, .bytes), (.string, .string), (.array, .array), (.map, .map):
            return true
        case (.record(let w), .record(let r)): return namesMatch(writer: w, reader: r)
        case (.enumeration(let w), .enumeration(let r)): return namesMatch(writer: w, reader: r)
        case (.fixed(let w), .fixed(let r)): return namesMatch(writer: w, reader: r) && w.size == r.size
        default: return false
        }
    }

    /// The reader union branch that data of the (non-union) `writer` resolves to: the branch with the writer's
    /// full name, else the first branch of the same type (named types by unqualified name or alias), else the
    /// first branch the writer promotes to.
    package static func readerBranch(for writer: Schema, in branches: [Schema]) -> Int? {
        if let name = writer.namedType?.name,
            let exact = branches.firstIndex(where: {
                $0.namedType?.name == name && sameType(writer: writer, reader: $0)
            })
        {
            return exact
        }
        if let exact = branches.firstIndex(where: { sameType(writer: writer, reader: $0) }) { return exact }
        return branches.firstIndex { promotion(from: writer.kind, to: $0.kind) != nil }
    }

    /// The index of the writer field that a reader field reads: the same name, else one of the reader field's
    /// aliases.
    package static func writerFieldIndex(for readerField: Field, in writerFields: [Field]) -> Int? {
        if let index = writerFields.firstIndex(where: { $0.name == readerField.name }) { return index }
        return writerFields.firstIndex { readerField.aliases.contains($0.name) }
    }
}
