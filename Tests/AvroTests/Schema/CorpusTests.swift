import AvroTestSupport
import Foundation
import Testing

@testable import Avro

/// The real-world schemas of `../shared/corpus`: every file its manifest calls valid parses with its
/// dependencies, and every file it calls invalid is rejected with a message that points at the problem.
@Suite struct CorpusTests {
    @Test func theCorpusIsThere() {
        #expect(CorpusEntry.all.count >= 120)
    }

    @Test(arguments: CorpusEntry.valid)
    func validSchemasParse(entry: CorpusEntry) throws {
        for reversed in [false, true] {
            do {
                let set = try SchemaSet(sources: try entry.sources(dependenciesLast: reversed))
                #expect(!set.files.isEmpty)
                #expect(!(set.files.first { $0.name == entry.file }?.root.canonicalForm.isEmpty ?? true))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test(arguments: CorpusEntry.all.filter { $0.expectedInvalid == true })
    func invalidSchemasAreRejectedWithALocation(entry: CorpusEntry) throws {
        do {
            _ = try SchemaSet(sources: try entry.sources())
            Issue.record("\(entry.file) was accepted")
        } catch let errors as SchemaSet.Errors {
            let error = try #require(errors.errors.first { $0.location.file == entry.file })
            #expect(error.location.position.line >= 1 && error.location.position.column >= 1)
        }
    }
}
