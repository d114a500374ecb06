import Avro

/// Why a registry serializer or deserializer could not do its work (besides the registry's own
/// ``RegistryError`` and the transport's ``RegistryTransportError``).
public enum RegistrySerdeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The schema the registry holds under `id` is not a valid Avro schema (or one of its references is not).
    case unparsableSchema(id: Int, message: String)
    /// The subject name strategy needs a named root (record, enum or fixed), and the schema's root is not one.
    case unnamedRoot(strategy: String, schema: String)
    /// With use-latest, the subject's latest schema cannot read data of the object's schema.
    case latestCannotRead(subject: String, version: Int, reasons: [String])
    /// The message was written with a schema the reader cannot resolve (no datum of it reads as the reader).
    case unresolvable(schemaID: Int, message: String)

    public var description: String {
        switch self {
        case .unparsableSchema(let id, let message):
            "the registry's schema \(id) is not a valid Avro schema: \(message)"
        case .unnamedRoot(let strategy, let schema):
            "\(strategy) needs a record, enum or fixed schema, not \(schema)"
        case .latestCannotRead(let subject, let version, let reasons):
            "the latest schema of \(subject) (version \(version)) cannot read the object's schema: "
                + reasons.joined(separator: "; ")
        case .unresolvable(let id, let message):
            "data written with schema \(id) cannot be read as the reader's schema: \(message)"
        }
    }
}
