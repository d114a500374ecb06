import ArgumentParser
import Avro
import Foundation

extension CompatibilityLevel: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased().replacingOccurrences(of: "-", with: "_"))
    }
}

extension CompatibilityLevel {
    /// Whether the level checks every earlier version rather than the latest.
    var isTransitive: Bool {
        switch self {
        case .backwardTransitive, .forwardTransitive, .fullTransitive: return true
        default: return false
        }
    }
}
