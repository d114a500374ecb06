import Avro

/// The checker's findings as Confluent's verbose compatibility messages: one per incompatibility, then the old
/// version, its schema and the level.
enum CompatibilityMessages {
    /// The messages for the findings of a check against version `version`, whose text is `oldText`.
    static func messages(
        for findings: [CompatibilityLevel.Finding], version: Int, oldText: String, level: CompatibilityLevel
    ) -> [String] {
        var messages = findings.map { finding in
            let incompatibility = finding.incompatibility
            let (reader, writer) = finding.newIsReader ? ("new", "old") : ("old", "new")
            return "{errorType:'\(incompatibility.kind.rawValue)', description:'The \(reader) schema at path "
                + "'\(incompatibility.readerLocation.path.jsonPointer.nonEmpty)' cannot read the \(writer) schema at "
                + "path '\(incompatibility.writerLocation.path.jsonPointer.nonEmpty)': \(incompatibility.message)', "
                + "additionalInfo:'\(incompatibility.message)'}"
        }
        messages.append("{oldSchemaVersion: \(version)}")
        messages.append("{oldSchema: '\(oldText)'}")
        messages.append("{validateFields: 'false', compatibility: '\(level.rawValue)'}")
        return messages
    }
}

extension String {
    /// `/` for the root's empty pointer, as Confluent's messages write it.
    fileprivate var nonEmpty: String { isEmpty ? "/" : self }
}
