/// The families of rules.
public enum RuleCategory: String, Sendable {
    case key, value, schema, topic
}
