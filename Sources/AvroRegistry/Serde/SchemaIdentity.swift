import Avro

/// How the serializer and deserializer caches tell generic schemas apart without serializing them on every call:
/// a named root by the identity of its parsed definition (the cache entry keeps the schema alive, so the identity
/// cannot be reused by another), any other root by its JSON text (short for unnamed roots).
@usableFromInline enum SchemaIdentity: Hashable, Sendable {
    case named(ObjectIdentifier)
    case text(String)

    init(_ schema: Schema) {
        if let named = schema.namedType {
            self = .named(named.id)
        } else {
            self = .text(schema.jsonText)
        }
    }
}
