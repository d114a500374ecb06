/// The compatibility levels of Confluent Schema Registry.
public enum CompatibilityLevel: String, Sendable, CaseIterable {
    /// No check.
    case none = "NONE"
    /// The new schema reads data written with the latest one.
    case backward = "BACKWARD"
    /// ``backward`` against every earlier version.
    case backwardTransitive = "BACKWARD_TRANSITIVE"
    /// The latest schema reads data written with the new one.
    case forward = "FORWARD"
    /// ``forward`` against every earlier version.
    case forwardTransitive = "FORWARD_TRANSITIVE"
    /// Both ``backward`` and ``forward``.
    case full = "FULL"
    /// Both, against every earlier version.
    case fullTransitive = "FULL_TRANSITIVE"

    /// One direction checked against one earlier version.
    public struct Finding: Sendable {
        /// The index of the earlier version (oldest first) the new schema was checked against.
        public var version: Int
        /// `backward`: the new schema reads the old one's data; otherwise the old reads the new one's.
        public var newIsReader: Bool
        /// Why not.
        public var incompatibility: Incompatibility
    }

    /// Every incompatibility of `new` with the earlier `versions` (oldest first) at this level.
    public func check(_ new: Schema, against versions: [Schema], strict: Bool = false) -> [Finding] {
        guard self != .none, !versions.isEmpty else { return [] }
        let transitive = [.backwardTransitive, .forwardTransitive, .fullTransitive].contains(self)
        let backward = [.backward, .backwardTransitive, .full, .fullTransitive].contains(self)
        let forward = [.forward, .forwardTransitive, .full, .fullTransitive].contains(self)
        let checked = transitive ? Array(versions.indices) : [versions.count - 1]
        var findings: [Finding] = []
        for index in checked {
            if backward {
                findings += SchemaCompatibility.incompatibilities(reader: new, writer: versions[index], strict: strict)
                    .map { Finding(version: index, newIsReader: true, incompatibility: $0) }
            }
            if forward {
                findings += SchemaCompatibility.incompatibilities(reader: versions[index], writer: new, strict: strict)
                    .map { Finding(version: index, newIsReader: false, incompatibility: $0) }
            }
        }
        return findings
    }
}
