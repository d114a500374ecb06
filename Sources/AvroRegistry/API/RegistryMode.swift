/// What a registry (or one subject) accepts: Confluent's modes.
public enum RegistryMode: String, Codable, Sendable, CaseIterable {
    /// Registrations and deletes are allowed (the default).
    case readWrite = "READWRITE"
    /// Only reads are allowed.
    case readOnly = "READONLY"
    /// Only reads, and the mode itself cannot be overridden per subject.
    case readOnlyOverride = "READONLY_OVERRIDE"
    /// Registrations carry their own `id` and `version` (for migrating from another registry).
    case importing = "IMPORT"

    /// Whether registrations and deletes are refused.
    public var isReadOnly: Bool { self == .readOnly || self == .readOnlyOverride }
}
