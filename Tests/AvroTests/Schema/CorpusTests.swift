import Foundation
import Testing

@testable import Avro

/// The real-world schemas of `../shared/corpus`: every file its manifest calls valid parses with its
/// dependencies, and every file it calls invalid is rejected with a message that points at the problem.
@Suite struct CorpusTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        var file: String
        var dependencies: [String]
        /// `true`: violates the specification or JSON; `false`: valid; `nil`: ambiguous.
        var expectedInvalid: Bool?
        var testDescription: String { file }
    }

    static let entries: [Entry] = {
        guard let bytes = try? TestFiles.bytes(TestFiles.corpus.appendingPathComponent("MANIFEST.json")),
            let manifest = try? JSONParser().parse(bytes: bytes).arrayValue
        else { return [] }
        return manifest.compactMap { item in
            guard let object = item.objectValue, let file = object["file"]?.stringValue else { return nil }
            let expected: Bool? = if case .bool(let flag) = object["expected_invalid"]?.kind { flag } else { nil }
            return Entry(
                file: file, dependencies: object["depends_on"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                expectedInvalid: expected)
        }
    }()

    static func load(_ entry: Entry, reversed: Bool = false) throws -> [(name: String, bytes: [UInt8])] {
        let names = reversed ? [entry.file] + entry.dependencies : entry.dependencies + [entry.file]
        return try names.map { ($0, try TestFiles.bytes(TestFiles.corpus.appendingPathComponent($0))) }
    }

    @Test func theCorpusIsThere() {
        #expect(Self.entries.count >= 120)
    }

    @Test(arguments: entries.filter { $0.expectedInvalid == false })
    func validSchemasParse(entry: Entry) throws {
        for reversed in [false, true] {
            do {
                let set = try SchemaSet(sources: try Self.load(entry, reversed: reversed))
                #expect(!set.files.isEmpty)
                #expect(!(set.files.first { $0.name == entry.file }?.root.canonicalForm.isEmpty ?? true))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test(arguments: entries.filter { $0.expectedInvalid == true })
    func invalidSchemasAreRejectedWithALocation(entry: Entry) throws {
        do {
            _ = try SchemaSet(sources: try Self.load(entry))
            Issue.record("\(entry.file) was accepted")
        } catch let errors as SchemaSet.Errors {
            let error = try #require(errors.errors.first { $0.location.file == entry.file })
            #expect(error.location.position.line >= 1 && error.location.position.column >= 1)
        }
    }
}
