import Avro

/// The lint configuration file (JSON; found as `.swift-avro-lint.json` in the working directory or given with
/// `--config`):
///
/// ```json
/// {
///   "use": ["key", "value", "schema"],            // rule ids or categories to run (default: all)
///   "except": ["NAMING_FIELD_CASE"],              // rule ids or categories to skip
///   "severity": {"ENUM_HAS_DEFAULT": "error", "EMPTY_RECORD": "off"},
///   "ignore": [{"path": "schemas/legacy/", "rules": ["NAMESPACE_PRESENT"]}],
///   "options": {"idField": "id", "timestampField": "timestamp", "minimumKeyCardinality": 100},
///   "topics": {"orders": {"key": "schemas/orders-key.avsc", "value": "schemas/orders-value.avsc"}}
/// }
/// ```
///
/// Inline suppression lives in the schema as a custom property on a named type or a field,
/// `"lint.ignore": ["RULE_ID"]`, except in key schemas: editing a registered key schema changes its id, so key
/// findings are suppressed only here.
public struct LintConfiguration: Sendable {
    /// Rule ids or categories to run; empty means all.
    public var use: [String] = []
    /// Rule ids or categories to skip.
    public var except: [String] = []
    /// Severity per rule id; `nil` turns the rule off.
    public var severity: [String: Severity?] = [:]
    /// Rules ignored in files whose path starts with a prefix (or contains it after a `/`).
    public var ignore: [(path: String, rules: [String])] = []
    /// Field names and thresholds.
    public var idField = "id"
    public var timestampField = "timestamp"
    public var minimumKeyCardinality = 100
    /// A topic's settings: its key and value files (which take precedence over file names), its partition
    /// count, its cleanup policy and the co-partitioning group of the topics it is joined with.
    public struct Topic: Sendable {
        public var name: String
        public var key: String?
        public var value: String?
        public var partitions: Int?
        public var cleanupPolicy: String?
        public var copartitionGroup: String?
    }

    /// The topics, in the order configured.
    public var topics: [Topic] = []

    /// The default configuration.
    public init() {}

    /// A configuration error, with where it is in the file.
    public struct Error: Swift.Error, CustomStringConvertible, LocatedConfigurationError {
        public var message: String
        public var location: SourceLocation
        public var description: String { "\(location): \(message)" }

        package init(message: String, location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    /// Parses a configuration file.
    public init(json bytes: [UInt8], file: String) throws(Error) {
        let configuration = try ConfigurationFile<Error>(json: bytes, file: file)
        let known = Set(Linter.builtInRules.map(\.id) + ["key", "value", "schema", "topic", Linter.unknownRoleID])
        func checkRules(_ names: [String], _ value: JSONValue, _ path: JSONPath) throws(Error) {
            for name in names where !known.contains(name) {
                throw configuration.fail("unknown rule or category \"\(name)\"", value, path)
            }
        }
        for member in configuration.members {
            let path = JSONPath.root.appending(member.key)
            switch member.key {
            case "use":
                use = try configuration.strings(member.value, path)
                try checkRules(use, member.value, path)
            case "except":
                except = try configuration.strings(member.value, path)
                try checkRules(except, member.value, path)
            case "severity":
                for level in try configuration.object(member.value, path).members {
                    try checkRules([level.key], level.value, path.appending(level.key))
                    switch level.value.stringValue {
                    case "off": severity[level.key] = .some(nil)
                    case let text?:
                        guard let parsed = Severity(rawValue: text) else {
                            throw configuration.fail(
                                "severity must be error, warning, info or off", level.value, path.appending(level.key))
                        }
                        severity[level.key] = parsed
                    case nil:
                        throw configuration.fail("severity must be a string", level.value, path.appending(level.key))
                    }
                }
            case "ignore":
                guard let entries = member.value.arrayValue else {
                    throw configuration.fail("expected an array", member.value, path)
                }
                for (index, entry) in entries.enumerated() {
                    guard let entryObject = entry.objectValue, let prefix = entryObject["path"]?.stringValue,
                        let rulesValue = entryObject["rules"]
                    else {
                        throw configuration.fail(
                            "expected {\"path\": \"...\", \"rules\": [...]}", entry, path.appending(index))
                    }
                    let rules = try configuration.strings(rulesValue, path.appending(index).appending("rules"))
                    try checkRules(rules, rulesValue, path.appending(index).appending("rules"))
                    ignore.append((prefix, rules))
                }
            case "options":
                for option in try configuration.object(member.value, path).members {
                    let optionPath = path.appending(option.key)
                    switch option.key {
                    case "idField", "timestampField":
                        let text = try configuration.string(option.value, optionPath)
                        if option.key == "idField" { idField = text } else { timestampField = text }
                    case "minimumKeyCardinality":
                        minimumKeyCardinality = try configuration.positiveInteger(option.value, optionPath)
                    default: throw configuration.fail("unknown option \"\(option.key)\"", option.value, optionPath)
                    }
                }
            case "topics":
                for topic in try configuration.object(member.value, path).members {
                    guard let entry = topic.value.objectValue else {
                        throw configuration.fail(
                            "expected {\"key\": FILE, \"value\": FILE}", topic.value, path.appending(topic.key))
                    }
                    let topicPath = path.appending(topic.key)
                    for setting in entry.members
                    where !["key", "value", "partitions", "cleanupPolicy", "copartition"].contains(setting.key) {
                        throw configuration.fail(
                            "unknown topic setting \"\(setting.key)\" (key, value, partitions, cleanupPolicy, copartition)",
                            setting.value, topicPath.appending(setting.key))
                    }
                    var partitions: Int?
                    if let value = entry["partitions"] {
                        let message = "partitions must be a positive integer"
                        partitions = try configuration.positiveInteger(
                            value, topicPath.appending("partitions"), otherwise: message)
                    }
                    topics.append(
                        Topic(
                            name: topic.key, key: entry["key"]?.stringValue, value: entry["value"]?.stringValue,
                            partitions: partitions, cleanupPolicy: entry["cleanupPolicy"]?.stringValue,
                            copartitionGroup: entry["copartition"]?.stringValue))
                }
            default:
                throw configuration.fail(
                    "unknown setting \"\(member.key)\" (use, except, severity, ignore, options, topics)", member.value,
                    path)
            }
        }
    }

    /// Whether `rule` runs at all.
    func isEnabled(_ rule: any LintRule) -> Bool {
        let names = [rule.id, rule.category.rawValue]
        if !rule.enabledByDefault && !use.contains(rule.id) && severity[rule.id] == nil { return false }
        if !use.isEmpty && !names.contains(where: use.contains) && rule.enabledByDefault { return false }
        if names.contains(where: except.contains) { return false }
        if let level = severity[rule.id], level == nil { return false }
        return true
    }

    /// The severity of `rule`'s findings.
    func severity(of rule: any LintRule) -> Severity {
        (severity[rule.id] ?? nil) ?? rule.defaultSeverity
    }

    /// Whether findings of `ruleID` in `file` are ignored by path.
    func isIgnored(_ ruleID: String, in file: String) -> Bool {
        ignore.contains { entry in
            (file.hasPrefix(entry.path) || file.contains("/" + entry.path)) && entry.rules.contains(ruleID)
        }
    }

    /// The role and topic of `file`: the topics mapping first, then the file name.
    func role(ofFile file: String) -> (role: SchemaRole, topic: String?) {
        for topic in topics {
            if let key = topic.key, file == key || file.hasSuffix("/" + key) { return (.key, topic.name) }
            if let value = topic.value, file == value || file.hasSuffix("/" + value) { return (.value, topic.name) }
        }
        return Linter.role(ofFile: file)
    }
}
