import Avro
import Crypto

/// A schema as the registry handles it: parsed together with the schemas its references bring, and reduced to
/// the text it is stored and served as.
struct ParsedSchema: Sendable {
    /// The parsed schema.
    var root: Schema
    /// The compact JSON text (every attribute kept; the referenced types written by name).
    var text: String
    /// The references as given.
    var references: [SchemaReference]
    /// Equal for equal text and references: the key that gives the same schema the same id.
    var identity: String
    /// The referenced schemas' texts (dependencies first), then the schema's own text as `<subject>.avsc`.
    var sources: [(name: String, bytes: [UInt8])]

    /// Parses `text` with the schemas its references name (transitively) as one set.
    /// - Parameter normalize: also sort custom properties and aliases (``SchemaNormalization``).
    /// - Throws: 42201 when the schema or a reference is invalid.
    init(
        text: String, references: [SchemaReference], subject: String, normalize: Bool = false,
        in store: any RegistryTransaction
    ) throws(RegistryError) {
        if text.isEmpty { throw RegistryError(status: 422, code: 42201, message: "Empty schema") }
        var sources: [(name: String, bytes: [UInt8])] = []
        var visited: Set<SchemaReference> = []
        for reference in references {
            try Self.collect(reference, into: &sources, visited: &visited, store: store)
        }
        let referenceCount = sources.count
        let file = TopicSchemaName.fileName(ofSubject: subject)
        sources.append((file, Array(text.utf8)))
        let set: SchemaSet
        do {
            set = try SchemaSet(sources: sources)
        } catch {
            throw .invalidSchema(Self.describe(error.errors, mainFile: file))
        }
        guard let main = set.files.last, main.name == file else {
            throw .invalidSchema("the schema did not parse")
        }
        let external = set.namedTypes.filter { $0.location.file != file }
        self.root = main.root
        let text = referenceCount == 0 ? main.root.jsonText : main.root.jsonText(referencing: external)
        self.text = normalize ? SchemaNormalization.normalize(text) : text
        self.references =
            normalize
            ? Array(Set(references)).sorted { ($0.name, $0.subject, $0.version) < ($1.name, $1.subject, $1.version) }
            : references
        self.identity = Self.identity(text: self.text, references: references)
        self.sources = sources
    }

    /// The identity of a stored text and its references.
    static func identity(text: String, references: [SchemaReference]) -> String {
        var key = "AVRO\n" + text
        for reference in references { key += "\n\(reference.name)\n\(reference.subject)\n\(reference.version)" }
        return SHA256.hash(data: Array(key.utf8)).map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    private static func collect(
        _ reference: SchemaReference, into sources: inout [(name: String, bytes: [UInt8])],
        visited: inout Set<SchemaReference>, store: any RegistryTransaction
    ) throws(RegistryError) {
        guard visited.insert(reference).inserted else { return }
        let stored: StoredSchema?
        do {
            stored = try store.versions(of: reference.subject).first { $0.version == reference.version }
                .flatMap { try store.schema(id: $0.schemaID) }
        } catch {
            throw .storeError("\(error)")
        }
        guard let stored else {
            throw .invalidSchema(
                "reference \(reference.name) to subject '\(reference.subject)' version \(reference.version) "
                    + "not found")
        }
        for nested in stored.references {
            try collect(nested, into: &sources, visited: &visited, store: store)
        }
        sources.append(("\(reference.subject) version \(reference.version)", Array(stored.text.utf8)))
    }

    /// The parser's errors as `line:col: message (at path)`, naming the file only when it is a reference.
    private static func describe(_ errors: [SchemaError], mainFile: String) -> String {
        errors.map { error in
            let path = error.location.path.components.isEmpty ? "" : " (at \(error.location.path))"
            let position = "\(error.location.position.line):\(error.location.position.column)"
            let place = error.location.file == mainFile ? position : "\(error.location.file):\(position)"
            return "\(place): \(error.message)\(path)"
        }
        .joined(separator: "; ")
    }
}
