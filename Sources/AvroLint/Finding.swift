import Avro

/// How serious a finding is.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}

/// One problem a rule found, and where.
public struct Finding: Sendable, CustomStringConvertible {
    /// The rule's stable id, e.g. `KEY_NO_OPTIONAL_FIELDS`.
    public var ruleID: String
    /// The severity.
    public var severity: Severity
    /// What is wrong, for a person.
    public var message: String
    /// Where: file, line, column and JSON path.
    public var location: SourceLocation

    /// `FILE:LINE:COL: severity: message [RULE_ID]`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(ruleID)]"
    }
}
