/// Three versions of a small order schema, as registry tests evolve it: the first, a compatible second (a new
/// optional field with a default), and an incompatible one under BACKWARD (a new required field).
public enum OrderSchemaTexts {
    /// One string field.
    public static let v1 = #"{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}]}"#
    /// `v1` plus an optional `note` defaulting to null.
    public static let v2 = #"""
        {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"},
         {"name": "note", "type": ["null", "string"], "default": null}]}
        """#
    /// `v1` plus a required `total`: data written with `v1` cannot be read.
    public static let v2Required = #"""
        {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"},
         {"name": "total", "type": "long"}]}
        """#
}
