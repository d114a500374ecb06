/// A reference from a schema to a named type registered under another subject (Confluent's `references`).
///
/// For Avro, `name` is the referenced type's full name; the referencing schema is parsed as one set with the
/// referenced version's schema (and, transitively, with its references).
public struct SchemaReference: Codable, Sendable, Hashable {
    /// The full name of the referenced named type.
    public var name: String
    /// The subject the type is registered under.
    public var subject: String
    /// The version of that subject.
    public var version: Int

    /// Creates a reference.
    public init(name: String, subject: String, version: Int) {
        self.name = name
        self.subject = subject
        self.version = version
    }
}
