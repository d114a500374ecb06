import Avro

/// A check every registration passes before it is stored (the server's opt-in Kafka lint rules are one).
public protocol RegistrationGate: Sendable {
    /// Returns why `schema` may not be registered under `subject`, or `nil` to let it through.
    /// - Parameters:
    ///   - subject: the subject registered under.
    ///   - schema: the parsed schema (with its references resolved).
    ///   - sources: the schema's text as the file `<subject>.avsc`, after the referenced schemas' texts.
    func review(subject: String, schema: Schema, sources: [(name: String, bytes: [UInt8])]) -> RegistryError?
}
