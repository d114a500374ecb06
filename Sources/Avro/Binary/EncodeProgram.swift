/// A compiled plan for writing generic values of one schema: a flat list of nodes that refer to each other by
/// index (recursive schemas make loops), built once per schema.
package final class EncodeProgram: Sendable {
    /// Nodes are plain values that refer to each other and to the side tables by index, so walking them
    /// touches no reference counts.
    enum Node: Sendable {
        case null, boolean, int, long, float, double, bytes, string
        case fixed(size: Int)
        case enumeration(table: Int)
        case array(items: Int)
        case map(values: Int)
        /// Field nodes are `children[first..<first + count]`, their names `childNames` at the same positions.
        case record(first: Int, count: Int)
        /// Branch nodes are `children[first..<first + count]`.
        case union(first: Int, count: Int)
    }

    let nodes: [Node]
    let root: Int
    let children: [Int]
    let childNames: [String]
    let enumTables: [[String: Int]]

    /// Compiles `schema`.
    package init(schema: Schema) {
        var nodes: [Node] = []
        var children: [Int] = []
        var childNames: [String] = []
        var enumTables: [[String: Int]] = []
        var records: [ObjectIdentifier: Int] = [:]
        func add(_ node: Node) -> Int {
            nodes.append(node)
            return nodes.count - 1
        }
        func compile(_ schema: Schema) -> Int {
            switch schema.kind {
            case .null: return add(.null)
            case .boolean: return add(.boolean)
            case .int: return add(.int)
            case .long: return add(.long)
            case .float: return add(.float)
            case .double: return add(.double)
            case .bytes: return add(.bytes)
            case .string: return add(.string)
            case .fixed(let fixed): return add(.fixed(size: fixed.size))
            case .enumeration(let enumeration):
                var indexOf: [String: Int] = [:]
                for (index, symbol) in enumeration.symbols.enumerated() { indexOf[symbol] = index }
                enumTables.append(indexOf)
                return add(.enumeration(table: enumTables.count - 1))
            case .array(let items):
                let index = add(.null)
                nodes[index] = .array(items: compile(items))
                return index
            case .map(let values):
                let index = add(.null)
                nodes[index] = .map(values: compile(values))
                return index
            case .union(let branches):
                let index = add(.null)
                let compiled = branches.map { compile($0) }
                children += compiled
                childNames += branches.map(\.branchName)
                nodes[index] = .union(first: children.count - compiled.count, count: compiled.count)
                return index
            case .record(let record):
                if let existing = records[record.id] { return existing }
                let index = add(.null)
                records[record.id] = index
                let fields = record.storage.fields
                let compiled = fields.map { compile($0.type) }
                children += compiled
                childNames += fields.map(\.name)
                nodes[index] = .record(first: children.count - compiled.count, count: compiled.count)
                return index
            }
        }
        root = compile(schema)
        self.nodes = nodes
        self.children = children
        self.childNames = childNames
        self.enumTables = enumTables
    }

    /// Writes `value` to `writer`.
    package func encode(_ value: AvroValue, to writer: inout AvroBinaryWriter) throws(AvroCodingError) {
        try encode(value, root, &writer)
    }

    private func mismatch(_ value: AvroValue, _ expected: String) -> AvroCodingError {
        AvroCodingError(.schemaMismatch, "expected \(expected), found \(value.caseName)")
    }

    private func encode(_ value: AvroValue, _ index: Int, _ writer: inout AvroBinaryWriter) throws(AvroCodingError) {
        let node = nodes[index]
        switch (node, value) {
        case (.null, .null): break
        case (.boolean, .boolean(let flag)): writer.writeBoolean(flag)
        case (.int, .int(let number)): writer.writeInt(number)
        case (.long, .long(let number)): writer.writeLong(number)
        case (.float, .float(let number)): writer.writeFloat(number)
        case (.double, .double(let number)): writer.writeDouble(number)
        case (.bytes, .bytes(let bytes)): writer.writeBytes(bytes)
        case (.string, .string(let text)): writer.writeString(text)
        case (.fixed(let size), .fixed(let bytes)):
            guard bytes.count == size else {
                throw AvroCodingError(.schemaMismatch, "expected \(size) bytes of fixed, found \(bytes.count)")
            }
            writer.writeFixed(bytes)
        case (.enumeration(let table), .enumeration(let symbol)):
            guard let symbolIndex = enumTables[table][symbol] else {
                throw AvroCodingError(.schemaMismatch, "\"\(symbol)\" is not a symbol of the enum")
            }
            writer.writeInt(Int32(symbolIndex))
        case (.array(let items), .array(let values)):
            if !values.isEmpty {
                writer.writeBlockCount(values.count)
                for (position, item) in values.enumerated() {
                    try catching("[\(position)]") { () throws(AvroCodingError) in try encode(item, items, &writer) }
                }
            }
            writer.writeBlockCount(0)
        case (.map(let valueNode), .map(let entries)):
            if !entries.isEmpty {
                writer.writeBlockCount(entries.count)
                for entry in entries {
                    writer.writeString(entry.key)
                    try catching("[\"\(entry.key)\"]") { () throws(AvroCodingError) in
                        try encode(entry.value, valueNode, &writer)
                    }
                }
            }
            writer.writeBlockCount(0)
        case (.record(let first, let count), .record(let values)):
            guard values.count == count else {
                throw AvroCodingError(.schemaMismatch, "expected \(count) record fields, found \(values.count)")
            }
            for position in 0..<count {
                try catching(childNames[first + position]) { () throws(AvroCodingError) in
                    try encode(values[position], children[first + position], &writer)
                }
            }
        case (.union(let first, let count), .union(let branch, let inner)):
            guard branch >= 0, branch < count else {
                throw AvroCodingError(.invalidIndex, "union branch \(branch) out of range 0..<\(count)")
            }
            writer.writeLong(Int64(branch))
            try encode(inner, children[first + branch], &writer)
        default:
            throw mismatch(value, node.expectation)
        }
    }
}

extension EncodeProgram.Node {
    var expectation: String {
        switch self {
        case .null: return "null"
        case .boolean: return "a boolean"
        case .int: return "an int"
        case .long: return "a long"
        case .float: return "a float"
        case .double: return "a double"
        case .bytes: return "bytes"
        case .string: return "a string"
        case .fixed: return "a fixed"
        case .enumeration: return "an enum symbol"
        case .array: return "an array"
        case .map: return "a map"
        case .record: return "a record"
        case .union: return "a union value with its branch"
        }
    }
}

extension AvroValue {
    /// The case name, for error messages.
    var caseName: String {
        switch self {
        case .null: return "null"
        case .boolean: return "a boolean"
        case .int: return "an int"
        case .long: return "a long"
        case .float: return "a float"
        case .double: return "a double"
        case .bytes: return "bytes"
        case .string: return "a string"
        case .fixed: return "a fixed"
        case .enumeration: return "an enum symbol"
        case .array: return "an array"
        case .map: return "a map"
        case .record: return "a record"
        case .union: return "a union value"
        }
    }
}
