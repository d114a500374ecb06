/// A place in a source text: 1-based line and column (columns count Unicode scalars).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of a value built in code rather than parsed from text.
    public static let unknown = SourcePosition(line: 0, column: 0)

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where a schema node comes from: the file, the position in it and the JSON path to it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file name as given to the parser (may be a display name such as `<stdin>`).
    public var file: String
    /// Line and column of the node's first character.
    public var position: SourcePosition
    /// The path from the document root, e.g. `fields[2].type`; empty for the root.
    public var path: JSONPath

    /// Creates a location.
    public init(file: String, position: SourcePosition, path: JSONPath) {
        self.file = file
        self.position = position
        self.path = path
    }

    /// The location of a node built in code rather than parsed from text: no file, an unknown position, the root.
    public static let unknown = SourceLocation(file: "", position: .unknown, path: .root)

    /// `FILE:LINE:COL`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(position.line):\(position.column)" }
}
