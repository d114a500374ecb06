/// Why bytes could not be decoded, or a value could not be encoded, and where inside the value.
public struct AvroCodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The input ended inside a value.
        case truncated
        /// A varint with bits beyond 64, or an int whose value is outside 32 bits. (An int is read as a long and
        /// then narrowed, so an int encoded in more than 5 bytes is accepted when its value fits.)
        case invalidVarint
        /// A negative length, or one past the remaining input or the limits.
        case invalidLength
        /// A union branch or enum index outside the schema.
        case invalidIndex
        /// Bytes that are not valid UTF-8 in a string.
        case invalidUTF8
        /// Deeper than ``AvroDecodingLimits/maxDepth``.
        case tooDeep
        /// The value does not match the schema (encoding), or resolution failed on this datum.
        case schemaMismatch
        /// Bytes left after the datum.
        case trailingBytes
    }

    /// What went wrong, as a case that code can switch on.
    public var kind: Kind
    /// What went wrong, for a person: the value or byte that was wrong and what was expected.
    public var message: String
    /// The path inside the value, e.g. `lines[3].unitPrice`; empty at the root.
    public var path: String
    /// The byte offset in the input where decoding failed (nil when encoding).
    public var offset: Int?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, path: String = "", offset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
        self.offset = offset
    }

    public var description: String {
        var text = message
        if !path.isEmpty { text = "at \(path): " + text }
        if let offset { text += " (byte \(offset))" }
        return text
    }

    /// This error with `component` prepended to its path.
    package func within(_ component: String) -> AvroCodingError {
        var copy = self
        if copy.path.isEmpty {
            copy.path = component
        } else if copy.path.hasPrefix("[") {
            copy.path = component + copy.path
        } else {
            copy.path = component + "." + copy.path
        }
        return copy
    }
}

/// Runs `body`, prefixing the path of an error it throws with `component` (built only when an error is thrown):
/// how every encoder, decoder and JSON reader says where inside the value it failed.
@inline(__always)
func catching<Result>(
    _ component: @autoclosure () -> String, _ body: () throws(AvroCodingError) -> Result
) throws(AvroCodingError) -> Result {
    do {
        return try body()
    } catch {
        throw error.within(component())
    }
}
