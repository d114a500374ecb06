/// A compiled plan for reading data written with one schema as another, built once per (writer, reader) pair.
///
/// Nodes are plain values that refer to each other, and to flat side tables, by index: walking the plan
/// copies no arrays and touches no reference counts, and recursive schemas are simply loops of indices.
@usableFromInline final class DecodeProgram: Sendable {
    let nodes: [DecodeNode]
    let root: Int
    /// Child node indices of writer unions.
    let children: [Int]
    /// Per enum node: the reader's result for each writer symbol index.
    let enumTables: [[DecodeNode.EnumResolution]]
    let records: [RecordPlan]
    /// The steps of every record, each record's a contiguous range.
    let steps: [RecordPlan.Step]
    /// The writer field name of each step, for error paths.
    let stepNames: [String]
    /// Reader fields the writer lacks and their default values, each record's a contiguous range.
    let defaults: [(field: Int, value: AvroValue)]
    /// The reader's binary encoding of each of ``defaults``, for transcoding.
    let defaultBytes: [[UInt8]?]
    let messages: [String]

    init(builder: DecodeProgramBuilder, root: Int) {
        nodes = builder.nodes
        self.root = root
        children = builder.children
        enumTables = builder.enumTables
        records = builder.records
        steps = builder.steps
        stepNames = builder.stepNames
        defaults = builder.defaults
        defaultBytes = builder.defaultBytes
        messages = builder.messages
    }
}

extension DecodeProgram {
    /// A program whose every decode fails with `message`.
    static func failing(_ message: String) -> DecodeProgram {
        var builder = DecodeProgramBuilder()
        let root = builder.failure(message)
        return DecodeProgram(builder: builder, root: root)
    }
}

/// One step of a ``DecodeProgram``: what the writer wrote and what the reader gets.
enum DecodeNode: Sendable {
    case null, boolean, int, long, float, double, bytes, string
    case promote(ResolutionRules.Promotion)
    case fixed(size: Int)
    /// Writer symbol index → the reader's symbol (table in ``DecodeProgram/enumTables``).
    case enumeration(table: Int)
    case array(items: Int)
    case map(values: Int)
    case record(plan: Int)
    /// Writer union: one node per writer branch (in ``DecodeProgram/children``).
    case writerUnion(first: Int, count: Int)
    /// A non-union writer read into a reader union's branch.
    case readerUnion(branch: Int, node: Int)
    /// Data that cannot be resolved: an error (message in ``DecodeProgram/messages``) when a datum reaches it.
    case failure(message: Int)

    enum EnumResolution: Sendable {
        /// The reader's symbol and its index in the reader's enum.
        case symbol(String, index: Int)
        case failure(String)
    }
}

/// How a record is read: the writer's fields in order, each read into a reader field or skipped, then the
/// reader fields the writer lacks filled with their defaults.
struct RecordPlan: Sendable {
    enum Step: Sendable {
        case read(field: Int, node: Int)
        case skip(node: Int)
    }

    var steps: Range<Int>
    var defaults: Range<Int>
    var readerFieldCount: Int
    /// Every writer field is read, in the reader's order, and no default is needed: values can be appended.
    var inOrder: Bool
}

/// The mutable tables a ``DecodeProgram`` is compiled into.
struct DecodeProgramBuilder {
    var nodes: [DecodeNode] = []
    var children: [Int] = []
    var enumTables: [[DecodeNode.EnumResolution]] = []
    var records: [RecordPlan] = []
    var steps: [RecordPlan.Step] = []
    var stepNames: [String] = []
    var defaults: [(field: Int, value: AvroValue)] = []
    var defaultBytes: [[UInt8]?] = []
    var messages: [String] = []

    mutating func add(_ node: DecodeNode) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    mutating func failure(_ message: String) -> Int {
        messages.append(message)
        return add(.failure(message: messages.count - 1))
    }
}
