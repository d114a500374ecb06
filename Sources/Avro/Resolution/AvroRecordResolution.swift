/// How a record written with one schema is read into a generated model of another, field by field.
///
/// A generated record reads each field the writer wrote with the same code it uses for its own schema, in the
/// writer's order, when the field's type is unchanged (the common evolution: fields added, removed or moved). A
/// field whose type changed (a promotion, an enum or union that gained symbols or branches, a nested record that
/// evolved) is rewritten into the model's encoding first and then read the same way; a field the model lacks is
/// skipped, and a model field the writer lacks is read from its default's encoding. So resolving costs one pass
/// over the writer's bytes with no interpreter in the path of unchanged fields.
///
/// Built once per (writer schema, model type) by ``AvroModelDecoder`` and kept.
public final class AvroRecordResolution: Sendable {
    /// What to do with one writer field.
    @usableFromInline enum Step: Sendable {
        /// Read into model field `field` as it is (same type on both sides).
        case direct(field: Int)
        /// Rewrite into the model's encoding of field `field`, then read that.
        case rewritten(field: Int, AvroTranscoder)
        /// A field the model lacks: read past it (node of ``program``).
        case skip(node: Int)
    }

    /// One step per writer field, in the writer's order.
    @usableFromInline let steps: [Step]
    /// Model fields the writer lacks and the encoding of their defaults.
    @usableFromInline let defaults: [(field: Int, bytes: [UInt8])]
    /// The writer's field names, for error paths.
    @usableFromInline let names: [String]
    /// The record's whole resolution, for skipping fields and for models without a field-by-field reader.
    @usableFromInline let program: DecodeProgram

    /// The resolution of `writer` records into `reader` records.
    /// - Throws: ``ResolutionError`` when no datum of the writer can be read as the reader, or when either schema
    ///   is not a record.
    public init(writer: Schema, reader: Schema) throws(ResolutionError) {
        guard case .record(let w) = writer.kind, case .record(let r) = reader.kind else {
            throw ResolutionError(
                .typeMismatch,
                "a field-by-field resolution needs two records, found \(writer.typeName) and "
                    + "\(reader.typeName)", writer: writer.location, reader: reader.location)
        }
        program = try ResolutionPlanCache.shared.plan(writer: writer, reader: reader)
        guard case .record(let planIndex) = program.nodes[program.root] else {
            throw ResolutionError(
                .nameMismatch, "expected record \(r.name), found \(w.name)", writer: writer.location,
                reader: reader.location)
        }
        let plan = program.records[planIndex]
        let writerFields = w.fields
        let readerFields = r.fields
        var steps: [Step] = []
        for position in plan.steps {
            switch program.steps[position] {
            case .read(let field, _):
                let writerType = writerFields[steps.count].type
                let readerType = readerFields[field].type
                if writerType.canonicalForm == readerType.canonicalForm {
                    steps.append(.direct(field: field))
                } else {
                    steps.append(.rewritten(field: field, try AvroTranscoder(writer: writerType, reader: readerType)))
                }
            case .skip(let node):
                steps.append(.skip(node: node))
            }
        }
        var defaults: [(field: Int, bytes: [UInt8])] = []
        for position in plan.defaults {
            // The compiler encodes every validated default; one that does not encode fails the datums that need it.
            guard let bytes = program.defaultBytes[position] else {
                throw ResolutionError(
                    .readerFieldMissingDefaultValue,
                    "the default of \(r.name).\(readerFields[program.defaults[position].field].name) does not encode",
                    writer: writer.location, reader: reader.location)
            }
            defaults.append((program.defaults[position].field, bytes))
        }
        self.steps = steps
        self.defaults = defaults
        names = writerFields.map(\.name)
    }

    /// Reads one record of the writer schema, calling `readField` with the model field's index and a reader
    /// positioned at that field's encoding in the model's schema: once for each field the writer wrote that the model
    /// has, then once for each model field the writer lacks (reading its default). Generated models call this
    /// with a `switch` over the field index that reads the field as their own schema's decoder does.
    @inlinable public func readFields(
        _ reader: inout AvroBinaryReader,
        _ readField: (inout AvroBinaryReader, Int) throws(AvroCodingError) -> Void
    ) throws(AvroCodingError) {
        for position in steps.indices {
            switch steps[position] {
            case .direct(let field):
                do {
                    try readField(&reader, field)
                } catch {
                    throw fieldError(error, position)
                }
            case .rewritten(let field, let transcoder):
                try readRewritten(field, transcoder, position, &reader, readField)
            case .skip(let node):
                try skip(node, position, &reader)
            }
        }
        if !defaults.isEmpty { try readDefaults(reader.limits, readField) }
    }

    /// The value a generated model read for a field, or an error if no step read it (which a valid resolution
    /// never leaves: every model field is written by the writer or has a default).
    @inlinable public func filled<Value>(_ value: Value?) throws(AvroCodingError) -> Value {
        guard let value else { throw Self.unfilled() }
        return value
    }

    @usableFromInline static func unfilled() -> AvroCodingError {
        AvroCodingError(.schemaMismatch, "a model field was neither written nor defaulted")
    }

    @usableFromInline func fieldError(_ error: AvroCodingError, _ position: Int) -> AvroCodingError {
        error.within(names[position])
    }

    @usableFromInline func skip(_ node: Int, _ position: Int, _ reader: inout AvroBinaryReader)
        throws(AvroCodingError)
    {
        try catching(names[position]) { () throws(AvroCodingError) in try program.skip(node, &reader) }
    }

    @usableFromInline func readRewritten(
        _ field: Int, _ transcoder: AvroTranscoder, _ position: Int, _ reader: inout AvroBinaryReader,
        _ readField: (inout AvroBinaryReader, Int) throws(AvroCodingError) -> Void
    ) throws(AvroCodingError) {
        try catching(names[position]) { () throws(AvroCodingError) in
            try transcoder.plan.readRewritten(from: &reader) {
                (fieldReader: inout AvroBinaryReader) throws(AvroCodingError) in
                try readField(&fieldReader, field)
            }
        }
    }

    @usableFromInline func readDefaults(
        _ limits: AvroDecodingLimits, _ readField: (inout AvroBinaryReader, Int) throws(AvroCodingError) -> Void
    ) throws(AvroCodingError) {
        for (field, bytes) in defaults {
            try AvroBinaryReader.withReader(bytes, limits: limits) {
                (defaultReader: inout AvroBinaryReader) throws(AvroCodingError) in
                try readField(&defaultReader, field)
            }
        }
    }
}

extension AvroModel {
    /// Reads a record of another schema by rewriting all of it into ``avroSchema``'s encoding and decoding that:
    /// the reader of models that do not read field by field (generated records do).
    public init(avroDecoding reader: inout AvroBinaryReader, resolving resolution: AvroRecordResolution)
        throws(AvroCodingError)
    {
        self = try resolution.program.readRewritten(from: &reader) {
            (recordReader: inout AvroBinaryReader) throws(AvroCodingError) in try Self(avroDecoding: &recordReader)
        }
    }
}
