extension Schema {
    /// A cheap key for caches of work done per schema (compiled codecs, decoders): a named root by the identity of
    /// its parsed definition, any other root by its JSON text (short for unnamed roots).
    ///
    /// Two keys are equal only for the same definition, so a cache must keep the `Schema` alive as long as it keeps
    /// the key (the identity of a freed definition can be reused). Schemas parsed twice from the same text have
    /// different identities: the key saves work, it does not compare schemas.
    public struct Identity: Hashable, Sendable {
        private enum Kind: Hashable, Sendable {
            case named(ObjectIdentifier)
            case text(String)
        }

        private let kind: Kind

        init(_ schema: Schema) {
            if let named = schema.namedType {
                kind = .named(named.id)
            } else {
                kind = .text(schema.jsonText)
            }
        }
    }

    /// This schema's ``Identity``, a cache key.
    public var identity: Identity { Identity(self) }
}
