import Avro

/// Why a schema set could not be turned into Swift.
public struct GenerationError: Error, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where.
    public var location: SourceLocation
    public var description: String { "\(location): \(message)" }
}
