/// A compiled plan for reading data written with one schema as another: a flat list of nodes that refer to
/// each other by index (recursive schemas make loops), built once per (writer, reader) pair.
public final class DecodeProgram: Sendable {
    let nodes: [DecodeNode]
    let root: Int

    init(nodes: [DecodeNode], root: Int) {
        self.nodes = nodes
        self.root = root
    }
}

/// One step of a ``DecodeProgram``; what the writer wrote and what the reader gets.
enum DecodeNode: Sendable {
    case null, boolean, int, long, float, double, bytes, string
    case promote(ResolutionRules.Promotion)
    case fixed(size: Int)
    /// Writer symbol index → the reader's symbol, or why it has none.
    case enumeration([EnumResolution])
    case array(items: Int)
    case map(values: Int)
    case record(RecordPlan)
    /// Writer union: one node per writer branch.
    case writerUnion([Int])
    /// A non-union writer read into a reader union's branch.
    case readerUnion(branch: Int, node: Int)
    /// Data that cannot be resolved: an error when a datum reaches it.
    case failure(String)

    enum EnumResolution: Sendable {
        case symbol(String)
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

    var steps: [Step]
    /// The writer's field names, for error paths.
    var writerFieldNames: [String]
    var readerFieldCount: Int
    var defaults: [(field: Int, value: AvroValue)]
}
