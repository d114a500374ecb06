/// A path inside a JSON document, such as `fields[2].type`.
///
/// Paths are built while the parser walks a schema and are printed in error messages, lint findings and
/// compatibility reports; ``jsonPointer`` gives the RFC 6901 form used by SARIF fingerprints.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// An object member.
        case key(String)
        /// An array element.
        case index(Int)
    }

    /// The steps from the root.
    public private(set) var components: [Component]

    /// The document root.
    public static let root = JSONPath(components: [])

    /// Creates a path from its steps.
    public init(components: [Component]) {
        self.components = components
    }

    /// This path extended by an object member.
    public func appending(_ key: String) -> JSONPath {
        JSONPath(components: components + [.key(key)])
    }

    /// This path extended by an array element.
    public func appending(_ index: Int) -> JSONPath {
        JSONPath(components: components + [.index(index)])
    }

    /// Whether `prefix` is this path or one of its ancestors.
    public func starts(with prefix: JSONPath) -> Bool {
        components.starts(with: prefix.components)
    }

    /// The dotted form, e.g. `fields[2].type`; `$` for the root.
    public var description: String {
        if components.isEmpty { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// The RFC 6901 JSON Pointer form, e.g. `/fields/2/type`.
    public var jsonPointer: String {
        components.map { component -> String in
            switch component {
            case .key(let key):
                return "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .index(let index):
                return "/\(index)"
            }
        }.joined()
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
