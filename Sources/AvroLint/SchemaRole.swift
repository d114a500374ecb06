/// What a schema file is for on its topic.
public enum SchemaRole: String, Sendable {
    case key, value, unknown
}
