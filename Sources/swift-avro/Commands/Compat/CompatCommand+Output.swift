import ArgumentParser
import Avro

extension CompatCommand {
    /// Prints the reports as --format says; exit 1 when there is one.
    func output(_ reports: [Report], checked: Int, newFiles: [String], level: CompatibilityLevel) throws {
        switch format {
        case .text: printText(reports, checked: checked, newFiles: newFiles, level: level)
        case .json: printJSON(reports, newFiles: newFiles, level: level)
        }
        if !reports.isEmpty { throw ExitCode(1) }
    }

    func printText(_ reports: [Report], checked: Int, newFiles: [String], level: CompatibilityLevel) {
        for file in newFiles {
            if let subject {
                print("\(file): new, subject \(subject) has no version in the registry")
            } else {
                print("\(file): new, no earlier version at \(againstGit ?? "the ref")")
            }
        }
        for report in reports {
            if let message = report.strictKey {
                print("\(report.file):1:1: \(message) [against \(report.against)]")
                continue
            }
            guard let finding = report.finding else { continue }
            let item = finding.incompatibility
            let (ours, theirs) =
                finding.newIsReader
                ? (item.readerLocation, item.writerLocation) : (item.writerLocation, item.readerLocation)
            let direction = finding.newIsReader ? "new reads old data" : "old reads new data"
            print(
                "\(report.file):\(ours.position.line):\(ours.position.column): \(item.kind.rawValue): \(item.message) "
                    + "[\(direction); against \(report.against):\(theirs.position.line):\(theirs.position.column) at \(theirs.path)]"
            )
        }
        if reports.isEmpty {
            let fresh = newFiles.isEmpty ? "" : ", \(newFiles.count) new"
            print("compatible (\(level.rawValue), \(checked) schema(s) checked\(fresh))")
        }
    }

    func printJSON(_ reports: [Report], newFiles: [String], level: CompatibilityLevel) {
        func location(_ file: String, _ location: SourceLocation) -> JSONValue {
            JSONValue(
                .object(
                    JSONObject(members: [
                        .init(key: "file", value: JSONValue(.string(file))),
                        .init(key: "line", value: JSONValue(.number(JSONNumber(Int64(location.position.line))))),
                        .init(key: "column", value: JSONValue(.number(JSONNumber(Int64(location.position.column))))),
                        .init(key: "path", value: JSONValue(.string(location.path.description))),
                    ])))
        }
        let items = reports.map { report -> JSONValue in
            var members: [JSONObject.Member] = []
            if let message = report.strictKey {
                members = [
                    .init(key: "kind", value: JSONValue(.string(StrictKind.keySchemaChanged.rawValue))),
                    .init(key: "message", value: JSONValue(.string(message))),
                    .init(key: "new", value: JSONValue(.string(report.file))),
                    .init(key: "against", value: JSONValue(.string(report.against))),
                ]
            } else if let finding = report.finding {
                let item = finding.incompatibility
                let (newFile, oldFile) = (report.file, report.against)
                members = [
                    .init(key: "kind", value: JSONValue(.string(item.kind.rawValue))),
                    .init(key: "message", value: JSONValue(.string(item.message))),
                    .init(key: "direction", value: JSONValue(.string(finding.newIsReader ? "backward" : "forward"))),
                    .init(key: "reader", value: location(finding.newIsReader ? newFile : oldFile, item.readerLocation)),
                    .init(key: "writer", value: location(finding.newIsReader ? oldFile : newFile, item.writerLocation)),
                ]
            }
            return JSONValue(.object(JSONObject(members: members)))
        }
        let document = JSONValue(
            .object(
                JSONObject(
                    members: [
                        .init(key: "compatible", value: JSONValue(.bool(reports.isEmpty))),
                        .init(key: "level", value: JSONValue(.string(level.rawValue))),
                        .init(key: "incompatibilities", value: JSONValue(.array(items))),
                    ]
                        + (againstGit == nil && subject == nil
                            ? []
                            : [.init(key: "new", value: JSONValue(.array(newFiles.map { JSONValue(.string($0)) })))])
                )))
        print(JSONWriter.string(document))
    }
}
