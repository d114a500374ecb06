/// One parsed schema file of a ``SchemaSet``.
public struct SchemaFile: Sendable {
    /// The file name as given.
    public let name: String
    /// The root schema of the file.
    public let root: Schema
}

/// Schema files parsed together: a named type defined in one file can be used from any other, in any order.
///
/// Files are parsed in the order given; when a file uses a name that another file defines, that file is parsed
/// first, so no hand-made dependency order is needed. Within one file, a name must be defined before it is
/// used, as the specification says.
public struct SchemaSet: Sendable {
    /// The files, in the order given.
    public let files: [SchemaFile]
    /// Every named type, in the order of definition.
    public let namedTypes: [any NamedSchema]

    /// The named type with full name `fullName`.
    public func namedType(_ fullName: String) -> (any NamedSchema)? {
        namedTypes.first { $0.name.fullName == fullName }
    }

    /// Errors of a schema set: every file's first error (a file with an error is not parsed further).
    public struct Errors: Error, Sendable, CustomStringConvertible {
        /// The errors, in file order.
        public var errors: [SchemaError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    /// Parses the given files as one set.
    /// - Parameter sources: file names (used in locations) and their bytes.
    /// - Throws: ``Errors`` with the errors of every invalid file.
    public init(sources: [(name: String, bytes: [UInt8])]) throws(Errors) {
        let (set, errors) = Self.parsePartially(sources: sources)
        if !errors.isEmpty { throw Errors(errors: errors) }
        self = set
    }

    /// Parses what it can: the set holds every valid file, and the errors say what is wrong with the others
    /// (tools such as lint keep going past one bad file).
    public static func parsePartially(sources: [(name: String, bytes: [UInt8])]) -> (
        set: SchemaSet, errors: [SchemaError]
    ) {
        let builder = SchemaSetBuilder(sources: sources)
        let (files, errors) = builder.build()
        return (SchemaSet(builder: builder, files: files), errors)
    }

    private init(builder: SchemaSetBuilder, files: [SchemaFile]) {
        let owner = SchemaOwner(records: builder.records)
        self.files = files.map { SchemaFile(name: $0.name, root: $0.root.owned(by: owner)) }
        self.namedTypes = builder.definitionOrder.map { named in
            guard let record = named as? RecordSchema else { return named }
            return RecordSchema(storage: record.storage, owner: owner)
        }
    }
}

extension Schema {
    /// Parses one schema from JSON text.
    /// - Parameters:
    ///   - text: the schema's JSON.
    ///   - file: the name used in error locations.
    public init(parsing text: String, file: String = "<schema>") throws(SchemaError) {
        do {
            let set = try SchemaSet(sources: [(file, Array(text.utf8))])
            self = set.files[0].root
        } catch {
            throw error.errors[0]
        }
    }
}

/// The mutable state of parsing a set: JSON documents, which file defines which name, and the names defined.
final class SchemaSetBuilder {
    enum FileState {
        case pending
        case inProgress
        case done(Schema)
        case failed
    }

    let names: [String]
    var documents: [JSONValue?]
    var states: [FileState]
    var errors: [SchemaError?]
    /// Full name → index of the file that defines it (found by a quick scan before parsing).
    var definingFile: [String: Int] = [:]
    /// Full name → the schema node of its definition.
    var defined: [String: Schema] = [:]
    var definitionOrder: [any NamedSchema] = []
    /// Every record parsed, kept alive here until the set's owner takes them over.
    var records: [RecordStorage] = []

    init(sources: [(name: String, bytes: [UInt8])]) {
        names = sources.map(\.name)
        documents = Array(repeating: nil, count: sources.count)
        states = Array(repeating: .pending, count: sources.count)
        errors = Array(repeating: nil, count: sources.count)
        let parser = JSONParser()
        for (index, source) in sources.enumerated() {
            do {
                documents[index] = try parser.parse(bytes: source.bytes)
            } catch {
                errors[index] = SchemaError(
                    error.message,
                    at: SourceLocation(file: source.name, position: error.position, path: .root),
                    rule: .json)
                states[index] = .failed
            }
        }
        for (index, document) in documents.enumerated() {
            guard let document else { continue }
            for fullName in DefinitionScanner.definedNames(in: document) where definingFile[fullName] == nil {
                definingFile[fullName] = index
            }
        }
    }

    func build() -> ([SchemaFile], [SchemaError]) {
        for index in names.indices { _ = try? parseFile(index) }
        var files: [SchemaFile] = []
        for (index, state) in states.enumerated() {
            if case .done(let root) = state { files.append(SchemaFile(name: names[index], root: root)) }
        }
        return (files, errors.compactMap { $0 })
    }

    private func missingDocument(_ index: Int) -> SchemaError {
        SchemaError(
            "\(names[index]) could not be read",
            at: SourceLocation(file: names[index], position: SourcePosition(line: 1, column: 1), path: .root),
            rule: .json)
    }

    /// Parses file `index` unless it is parsed already; throws when the file is invalid.
    @discardableResult
    func parseFile(_ index: Int) throws(SchemaError) -> Schema {
        switch states[index] {
        case .done(let root): return root
        case .failed: throw errors[index] ?? missingDocument(index)
        case .inProgress:
            throw SchemaError(
                "\(names[index]) and the files it uses refer to each other's types in a cycle",
                at: SourceLocation(file: names[index], position: SourcePosition(line: 1, column: 1), path: .root),
                rule: .fileDependency)
        case .pending:
            // A file is pending only when its JSON parsed.
            guard let document = documents[index] else { throw missingDocument(index) }
            states[index] = .inProgress
            var parser = SchemaParser(file: names[index], fileIndex: index, builder: self)
            do {
                let root = try parser.parseDocument(document)
                states[index] = .done(root)
                return root
            } catch {
                states[index] = .failed
                errors[index] = error
                throw error
            }
        }
    }
}
