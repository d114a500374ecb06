/// A version as a path names it: a number in 1…2³¹−1, or `latest` (also written `-1`).
public enum VersionSpec: Sendable, Hashable, CustomStringConvertible {
    /// A version number.
    case number(Int)
    /// The newest version.
    case latest

    /// Parses a path component; throws 42202 for anything else.
    public init(parsing text: String) throws(RegistryError) {
        if text == "latest" || text == "-1" {
            self = .latest
        } else if let number = Int(text), number >= 1, number <= Int(Int32.max) {
            self = .number(number)
        } else {
            throw .invalidVersion(text)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): "\(number)"
        case .latest: "latest"
        }
    }
}
