import Avro

/// The schemas the fuzzer decodes with: every type, logical types, deep unions, recursion, and a reader schema
/// that differs from its writer so resolution runs too.
enum FuzzSchemas {
    /// The limits every decoder here uses: the shipped defaults, so what is fuzzed is what users run.
    static let limits = AvroDecodingLimits.default

    static let texts = [
        #""long""#,
        #"{"type": "record", "name": "All", "fields": [{"name": "b", "type": "boolean"}, {"name": "i", "type": "int"}, {"name": "l", "type": "long"}, {"name": "f", "type": "float"}, {"name": "d", "type": "double"}, {"name": "by", "type": "bytes"}, {"name": "s", "type": "string"}, {"name": "fx", "type": {"type": "fixed", "name": "F", "size": 3}}, {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}}, {"name": "a", "type": {"type": "array", "items": "long"}}, {"name": "m", "type": {"type": "map", "values": "string"}}, {"name": "u", "type": ["null", "int", "string", "F"]}]}"#,
        #"{"type": "record", "name": "Node", "fields": [{"name": "value", "type": "int"}, {"name": "children", "type": {"type": "array", "items": "Node"}}, {"name": "next", "type": ["null", "Node"]}]}"#,
        #"{"type": "map", "values": {"type": "array", "items": ["null", "boolean", "double", {"type": "map", "values": "bytes"}]}}"#,
        #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": {"type": "string", "logicalType": "uuid"}}, {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}}, {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}}, {"name": "tags", "type": {"type": "map", "values": "string"}}]}"#,
    ]

    static let schemas: [Schema] = texts.map { try! Schema(parsing: $0) }

    static let codecs: [AvroGenericCodec] = schemas.map {
        AvroGenericCodec(schema: $0, limits: FuzzSchemas.limits)
    }

    /// Writer `All` read as a reader with promotions, a missing field with a default, and a dropped field.
    static let resolving: AvroGenericCodec = {
        let reader = try! Schema(
            parsing:
                #"{"type": "record", "name": "All", "fields": [{"name": "i", "type": "double"}, {"name": "l", "type": "float"}, {"name": "s", "type": "bytes"}, {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["B", "Z"], "default": "Z"}}, {"name": "u", "type": ["string", "null", "long"]}, {"name": "x", "type": "int", "default": 1}]}"#
        )
        return try! AvroGenericCodec(writer: schemas[1], reader: reader, limits: FuzzSchemas.limits)
    }()
}
