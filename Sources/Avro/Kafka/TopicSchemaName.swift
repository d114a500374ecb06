/// The name of a topic's key or value schema, as Kafka tooling spells it (Confluent's TopicNameStrategy): the
/// subject `<topic>-key` or `<topic>-value`, and the schema file `<topic>-key.avsc` or `<topic>-value.avsc`.
///
/// Lint tells a file's role by it, `compat --strict` a key schema, `registry register` a file's subject, the
/// registry's lint gate the subjects it checks, and the serializers' topic name strategy the subject to use.
package struct TopicSchemaName: Sendable, Hashable {
    /// The topic (empty for a name that is only the suffix, such as `-key.avsc`).
    package var topic: String
    /// Whether the schema is the topic's key schema (otherwise its value schema).
    package var isKey: Bool

    /// The extension of schema files.
    package static let fileExtension = ".avsc"

    /// The name of `topic`'s key or value schema.
    package init(topic: String, isKey: Bool) {
        self.topic = topic
        self.isKey = isKey
    }

    /// The name a subject gives: `orders-key` → the key of `orders`; nil for a subject with neither suffix.
    package init?(subject: String) {
        for (suffix, isKey) in [("-key", true), ("-value", false)] where subject.hasSuffix(suffix) {
            self.init(topic: String(subject.dropLast(suffix.count)), isKey: isKey)
            return
        }
        return nil
    }

    /// The name a schema file's path gives by its last component: `schemas/orders-value.avsc` → the value of
    /// `orders`; nil for other file names.
    package init?(file path: String) {
        let name = String(path.split(separator: "/").last ?? "")
        guard name.hasSuffix(Self.fileExtension) else { return nil }
        self.init(subject: String(name.dropLast(Self.fileExtension.count)))
    }

    /// `<topic>-key` or `<topic>-value`.
    package var subject: String { topic + (isKey ? "-key" : "-value") }

    /// The file name a subject's schema is parsed and linted under, `<subject>.avsc`, so that its name tells its
    /// role as a schema file's name does.
    package static func fileName(ofSubject subject: String) -> String {
        subject + fileExtension
    }
}
