import Avro

extension FindingPrinter {
    /// SARIF 2.1.0, as GitHub code scanning accepts it: rule metadata, paths relative to the working
    /// directory, 1-based lines and columns, and fingerprints from the file, the JSON pointer and the rule.
    public static func sarif(_ findings: [Finding], rules: [any LintRule], version: String) -> String {
        func string(_ text: String) -> JSONValue { JSONValue(.string(text)) }
        func number(_ value: Int) -> JSONValue { JSONValue(.number(JSONNumber(Int64(value)))) }
        func object(_ members: [(String, JSONValue)]) -> JSONValue {
            JSONValue(.object(JSONObject(members: members.map { JSONObject.Member(key: $0.0, value: $0.1) })))
        }
        func level(_ severity: Severity) -> String {
            switch severity {
            case .error: return "error"
            case .warning: return "warning"
            case .info: return "note"
            }
        }
        func relative(_ path: String) -> String {
            var path = path
            while path.hasPrefix("./") { path.removeFirst(2) }
            return path
        }
        let extraRules: [(id: String, text: String)] = [
            (Linter.unknownRoleID, "The file's role (key or value) could not be told from its name or the topics."),
            (Linter.invalidSchemaID, "The file is not a valid Avro schema."),
        ]
        var ruleIDs = rules.map(\.id)
        var descriptors = rules.map { rule in
            object([
                ("id", string(rule.id)), ("name", string(rule.id)),
                ("shortDescription", object([("text", string(rule.rationale))])),
                ("fullDescription", object([("text", string(rule.rationale))])),
                ("defaultConfiguration", object([("level", string(level(rule.defaultSeverity)))])),
                ("properties", object([("category", string(rule.category.rawValue))])),
            ])
        }
        for extra in extraRules {
            ruleIDs.append(extra.id)
            descriptors.append(
                object([
                    ("id", string(extra.id)), ("name", string(extra.id)),
                    ("shortDescription", object([("text", string(extra.text))])),
                ]))
        }
        let results = findings.map { finding in
            let file = relative(finding.location.file)
            return object([
                ("ruleId", string(finding.ruleID)),
                ("ruleIndex", number(ruleIDs.firstIndex(of: finding.ruleID) ?? 0)),
                ("level", string(level(finding.severity))),
                ("message", object([("text", string(finding.message))])),
                (
                    "locations",
                    JSONValue(
                        .array([
                            object([
                                (
                                    "physicalLocation",
                                    object([
                                        (
                                            "artifactLocation",
                                            object([("uri", string(file)), ("uriBaseId", string("%SRCROOT%"))])
                                        ),
                                        (
                                            "region",
                                            object([
                                                ("startLine", number(max(1, finding.location.position.line))),
                                                ("startColumn", number(max(1, finding.location.position.column))),
                                            ])
                                        ),
                                    ])
                                )
                            ])
                        ]))
                ),
                (
                    "partialFingerprints",
                    object([
                        ("jsonPointer/v1", string("\(file)#\(finding.location.path.jsonPointer)#\(finding.ruleID)"))
                    ])
                ),
            ])
        }
        let driver = object([
            ("name", string("swift-avro")), ("version", string(version)),
            ("informationUri", string("https://github.com/swift-avro/swift-avro")),
            ("rules", JSONValue(.array(descriptors))),
        ])
        let document = object([
            ("$schema", string("https://json.schemastore.org/sarif-2.1.0.json")), ("version", string("2.1.0")),
            (
                "runs",
                JSONValue(
                    .array([object([("tool", object([("driver", driver)])), ("results", JSONValue(.array(results)))])]))
            ),
        ])
        return JSONWriter.string(document) + "\n"
    }
}
