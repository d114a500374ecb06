import Avro
import Foundation

/// Paths of the repository and of `../shared` beside it, found from this source file.
public enum TestFiles {
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let shared: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    public static let corpus: URL = shared.appendingPathComponent("corpus")

    public static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }
}

/// One schema of `../shared/corpus` as its MANIFEST.json describes it.
public struct CorpusEntry: Sendable, CustomStringConvertible {
    public var file: String
    /// Files that define named types this one uses, in load order.
    public var dependencies: [String]
    /// `true`: violates the specification or JSON; `false`: valid; `nil`: ambiguous.
    public var expectedInvalid: Bool?
    public var description: String { file }

    /// Every entry of the manifest (empty when the corpus is missing, which `theCorpusIsThere` catches).
    public static let all: [CorpusEntry] = {
        guard let bytes = try? TestFiles.bytes(TestFiles.corpus.appendingPathComponent("MANIFEST.json")),
            let manifest = try? JSONParser().parse(bytes: bytes).arrayValue
        else { return [] }
        return manifest.compactMap { item in
            guard let object = item.objectValue, let file = object["file"]?.stringValue else { return nil }
            let expected: Bool? = if case .bool(let flag) = object["expected_invalid"]?.kind { flag } else { nil }
            return CorpusEntry(
                file: file, dependencies: object["depends_on"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                expectedInvalid: expected)
        }
    }()

    /// The valid entries.
    public static var valid: [CorpusEntry] { all.filter { $0.expectedInvalid == false } }

    /// The file and its dependencies as sources, dependencies first (or last, to check order independence).
    public func sources(dependenciesLast: Bool = false) throws -> [(name: String, bytes: [UInt8])] {
        let names = dependenciesLast ? [file] + dependencies : dependencies + [file]
        return try names.map { ($0, try TestFiles.bytes(TestFiles.corpus.appendingPathComponent($0))) }
    }

    /// The root schema of the file, parsed with its dependencies.
    public func schema() throws -> Schema {
        let set = try SchemaSet(sources: try sources())
        return set.files.first { $0.name == file }!.root
    }
}
