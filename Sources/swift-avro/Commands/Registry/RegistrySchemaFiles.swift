import ArgumentParser
import Avro
import AvroTooling
import Foundation

/// The schema files of `register`, `check` and `verify`: parsed as one set, each with its subject.
struct RegistrySchemaFiles: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The subject, for a single file not named <topic>-key.avsc or <topic>-value.avsc.", valueName: "subject"))
    var subject: String?

    @Option(
        name: .customLong("import"),
        help: ArgumentHelp(
            "Files that define named types the schemas use, not themselves sent (repeatable).",
            valueName: "file"))
    var imports: [String] = []

    @Argument(help: "Schema files, or directories of .avsc files.")
    var files: [String]

    /// One file to send: its name, subject and self-contained schema text (types from other files inlined).
    struct Entry {
        var file: String
        var subject: String
        var schema: String
    }

    /// Parses the files (with the imports) as one set and names each one's subject (TopicNameStrategy: the file
    /// name `<topic>-key.avsc` or `<topic>-value.avsc`, or `--subject`).
    func entries() throws -> [Entry] {
        let inputs = try SchemaInputs.read(files)
        let targets = Set(inputs.map { URL(fileURLWithPath: $0.name).standardized.path })
        if subject != nil && inputs.count != 1 {
            throw ValidationError("--subject names the subject of exactly one file; \(inputs.count) given")
        }
        var subjects: [String: String] = [:]
        for input in inputs {
            if let subject {
                subjects[input.name] = subject
            } else if let topicSubject = Self.topicSubject(input.name) {
                subjects[input.name] = topicSubject
            } else {
                throw ValidationError(
                    "\(input.name): the file name is not <topic>-key.avsc or <topic>-value.avsc; give --subject SUBJECT"
                )
            }
        }
        let importOnly = try SchemaInputs.read(imports).filter {
            !targets.contains(URL(fileURLWithPath: $0.name).standardized.path)
        }
        let set: SchemaSet
        do {
            set = try SchemaSet(sources: importOnly + inputs)
        } catch {
            for error in error.errors { printError(error.description) }
            throw ExitCode(1)
        }
        return set.files.compactMap { file in
            subjects[file.name].map { Entry(file: file.name, subject: $0, schema: file.root.jsonText) }
        }
    }

    /// TopicNameStrategy's subject of a file: `orders-value.avsc` → `orders-value`; nil for other names.
    static func topicSubject(_ path: String) -> String? {
        guard let name = TopicSchemaName(file: path), !name.topic.isEmpty else { return nil }
        return name.subject
    }
}
