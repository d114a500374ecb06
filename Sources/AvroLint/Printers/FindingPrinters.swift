import Avro

/// The output formats of `swift-avro lint`.
public enum FindingPrinter {
    /// `FILE:LINE:COL: severity: message [RULE_ID]`, one per line.
    public static func text(_ findings: [Finding]) -> String {
        findings.map { $0.description + "\n" }.joined()
    }

    /// `{"findings": [{"rule", "severity", "message", "file", "line", "column", "path", "pointer"}]}`: a stable
    /// shape for scripts.
    public static func json(_ findings: [Finding]) -> String {
        func string(_ text: String) -> JSONValue { JSONValue(.string(text)) }
        func number(_ value: Int) -> JSONValue { JSONValue(.number(JSONNumber(Int64(value)))) }
        let items = findings.map { finding in
            JSONValue(
                .object(
                    JSONObject(members: [
                        .init(key: "rule", value: string(finding.ruleID)),
                        .init(key: "severity", value: string(finding.severity.rawValue)),
                        .init(key: "message", value: string(finding.message)),
                        .init(key: "file", value: string(finding.location.file)),
                        .init(key: "line", value: number(finding.location.position.line)),
                        .init(key: "column", value: number(finding.location.position.column)),
                        .init(key: "path", value: string(finding.location.path.description)),
                        .init(key: "pointer", value: string(finding.location.path.jsonPointer)),
                    ])))
        }
        return JSONWriter.string(
            JSONValue(.object(JSONObject(members: [.init(key: "findings", value: JSONValue(.array(items)))])))) + "\n"
    }

    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=RULE::message`).
    public static func github(_ findings: [Finding]) -> String {
        findings.map { finding in
            let command = finding.severity == .info ? "notice" : finding.severity.rawValue
            let message = finding.message.replacingPercentEncoded()
            return
                "::\(command) file=\(finding.location.file),line=\(finding.location.position.line),col=\(finding.location.position.column),title=\(finding.ruleID)::\(message)\n"
        }.joined()
    }
}

extension String {
    /// The message with `%`, CR and LF escaped as GitHub workflow commands require.
    func replacingPercentEncoded() -> String {
        var result = ""
        for character in self {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.append(character)
            }
        }
        return result
    }
}
