import Avro
import AvroLint
import AvroRegistry

/// `lint --registry`: the latest version of every subject, linted as files named by role.
///
/// The linter tells a file's role by its name, so each subject's schema is linted under the name
/// `<subject>.avsc` (`orders-value` gives `orders-value.avsc`: a value of topic `orders`), and the schemas it
/// references under names that give no role; findings then name `SUBJECT (version N)`. Every subject holds a
/// whole schema, so two subjects may define the same named type, which one schema set refuses: the subjects are
/// linted together when they parse together (keys paired with values, topics with each other, as files are),
/// else topic by topic, else one by one.
struct RegistryLint {
    let linter: Linter
    let prefix: String?

    /// One subject's latest version: its text and those of the versions it references, keyed `subject@version`,
    /// referenced ones first.
    private struct Entry {
        var subject: String
        var version: Int
        var topic: String?
        var sources: [(key: String, bytes: [UInt8])]
    }

    /// The findings of every subject (with the prefix), sorted as the linter sorts them.
    func findings(_ options: RegistryDataOptions) async throws -> [Finding] {
        var entries: [Entry] = []
        try await options.withClient { client in
            let subjects = try await client.subjects(prefix: prefix).filter { $0.hasPrefix(prefix ?? "") }.sorted()
            for subject in subjects {
                let latest: SubjectSchema
                do {
                    latest = try await client.version(.latest, of: subject)
                } catch let error as RegistryError where error.code == 40401 || error.code == 40402 {
                    continue  // deleted since the list was read
                }
                var sources: [(key: String, bytes: [UInt8])] = []
                var visited: Set<SchemaReference> = []
                for reference in latest.references ?? [] {
                    try await collect(reference, client: client, into: &sources, visited: &visited)
                }
                sources.append((Self.key(subject, latest.version), Array(latest.schema.utf8)))
                let (role, topic) = Linter.role(ofFile: TopicSchemaName.fileName(ofSubject: subject))
                entries.append(
                    Entry(
                        subject: subject, version: latest.version, topic: role == .unknown ? nil : topic,
                        sources: sources))
            }
        }
        // A listed subject's latest version is linted under its role-giving name, wherever it appears.
        var names: [String: String] = [:]
        var display: [String: String] = [:]
        for entry in entries {
            names[Self.key(entry.subject, entry.version)] = TopicSchemaName.fileName(ofSubject: entry.subject)
        }
        let found = lint(entries, names: &names, display: &display)
        var seen: Set<String> = []
        var findings: [Finding] = []
        for var finding in found {
            let name = finding.location.file
            let isReference = !entries.contains { TopicSchemaName.fileName(ofSubject: $0.subject) == name }
            if finding.ruleID == Linter.unknownRoleID {
                if isReference { continue }
                finding.message = "subject not named <topic>-key or <topic>-value: key and value rules skipped"
            }
            finding.location.file = display[name] ?? name
            let identity =
                "\(finding.location.file)\u{0}\(finding.location.position.line):\(finding.location.position.column)"
                + "\u{0}\(finding.ruleID)\u{0}\(finding.message)"
            if seen.insert(identity).inserted { findings.append(finding) }
        }
        return findings.sorted {
            ($0.location.file, $0.location.position) < ($1.location.file, $1.location.position)
        }
    }

    /// Lints the entries as one set when they parse together; else topic by topic, else one by one.
    private func lint(_ entries: [Entry], names: inout [String: String], display: inout [String: String])
        -> [Finding]
    {
        var sources: [(name: String, bytes: [UInt8])] = []
        var included: Set<String> = []
        for entry in entries {
            for source in entry.sources where included.insert(source.key).inserted {
                let name = names[source.key] ?? source.key.replacingOccurrences(of: "@", with: "@version-") + ".ref"
                names[source.key] = name
                display[name] = Self.display(source.key)
                sources.append((name, source.bytes))
            }
        }
        if entries.count > 1 && !SchemaSet.parsePartially(sources: sources).errors.isEmpty {
            let byTopic = Dictionary(grouping: entries) { $0.topic ?? "\u{0}" + $0.subject }
            if byTopic.count > 1 {
                return byTopic.keys.sorted().flatMap { lint(byTopic[$0] ?? [], names: &names, display: &display) }
            }
            return entries.flatMap { lint([$0], names: &names, display: &display) }
        }
        return linter.lint(sources: sources)
    }

    private func collect(
        _ reference: SchemaReference, client: SchemaRegistryClient, into sources: inout [(key: String, bytes: [UInt8])],
        visited: inout Set<SchemaReference>
    ) async throws {
        guard visited.insert(reference).inserted else { return }
        let referenced = try await client.version(.number(reference.version), of: reference.subject)
        for nested in referenced.references ?? [] {
            try await collect(nested, client: client, into: &sources, visited: &visited)
        }
        sources.append((Self.key(reference.subject, reference.version), Array(referenced.schema.utf8)))
    }

    private static func key(_ subject: String, _ version: Int) -> String { "\(subject)@\(version)" }

    /// `subject@3` as `subject (version 3)`.
    private static func display(_ key: String) -> String {
        guard let at = key.lastIndex(of: "@") else { return key }
        return "\(key[..<at]) (version \(key[key.index(after: at)...]))"
    }
}
