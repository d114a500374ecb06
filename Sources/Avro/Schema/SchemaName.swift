/// The full name of a named type: a simple name and an optional namespace.
public struct SchemaName: Sendable, Hashable, CustomStringConvertible {
    /// The simple name (the last component).
    public let name: String
    /// The namespace; `nil` is the null namespace.
    public let namespace: String?

    /// Creates a name; an empty namespace is the null namespace.
    public init(name: String, namespace: String?) {
        self.name = name
        self.namespace = (namespace?.isEmpty ?? true) ? nil : namespace
    }

    /// Resolves `reference` as the specification does: a dotted reference is a full name; otherwise it lives
    /// in `enclosingNamespace`.
    public init(reference: String, enclosingNamespace: String?) {
        if let dot = reference.lastIndex(of: ".") {
            self.init(name: String(reference[reference.index(after: dot)...]), namespace: String(reference[..<dot]))
        } else {
            self.init(name: reference, namespace: enclosingNamespace)
        }
    }

    /// `namespace.name`, or just `name` in the null namespace.
    public var fullName: String {
        if let namespace { return namespace + "." + name }
        return name
    }

    public var description: String { fullName }

    /// Whether `text` matches the name grammar `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isValidName(_ text: String) -> Bool {
        var first = true
        for byte in text.utf8 {
            let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            let digit = byte >= 0x30 && byte <= 0x39
            if !(letter || (!first && digit)) { return false }
            first = false
        }
        return !first
    }

    /// Whether `text` is a valid namespace: empty, or names separated by dots.
    public static func isValidNamespace(_ text: String) -> Bool {
        text.isEmpty
            || text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isValidName(String($0)) }
    }
}
