import Avro

/// Why a container file could not be read or written.
public struct ContainerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The byte offset in the file, when known.
    public var offset: Int?

    /// Creates an error.
    public init(_ message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    public var description: String {
        if let offset { return "\(message) (byte \(offset))" }
        return message
    }
}
