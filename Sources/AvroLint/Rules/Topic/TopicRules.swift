import Avro

/// Rules about how topics fit together, from the configuration's topics.
enum TopicRules {
    static let copartitionedSameKey = Rule(
        id: "TOPIC_COPARTITIONED_SAME_KEY", defaultSeverity: .error, category: .topic,
        rationale:
            "Topics that are joined must be co-partitioned: the same key schema (so equal keys have equal bytes) and the same partition count.",
        triggeringExamples: [], passingExamples: []
    ) { context in
        guard context.role == .key, let settings = context.topicSettings, let group = settings.copartitionGroup else {
            return []
        }
        var found: [(message: String, location: SourceLocation)] = []
        for other in context.copartitioned {
            if let key = other.key, key.canonicalForm != context.schema.canonicalForm {
                found.append(
                    (
                        "the key of \(settings.name) differs from the key of \(other.topic), co-partitioned in \(group)",
                        context.schema.location
                    ))
            }
            if let mine = settings.partitions, let theirs = other.partitions, mine != theirs {
                found.append(
                    (
                        "\(settings.name) has \(mine) partitions but \(other.topic), co-partitioned in \(group), has \(theirs)",
                        context.schema.location
                    ))
            }
        }
        return found
    }

    static let compactedHasKey = Rule(
        id: "TOPIC_COMPACTED_HAS_KEY", defaultSeverity: .error, category: .topic,
        rationale: "Compaction keeps the last record per key: a compacted topic without a key schema loses data.",
        triggeringExamples: [], passingExamples: []
    ) { context in
        guard context.role == .value, let settings = context.topicSettings,
            settings.cleanupPolicy?.contains("compact") == true,
            !context.topicHasKey
        else { return [] }
        return [("\(settings.name) is compacted but has no key schema in the set", context.schema.location)]
    }

    static let all = [copartitionedSameKey, compactedHasKey]
}
