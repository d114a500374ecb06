import Avro
import AvroTestSupport
import Foundation
import Testing

@testable import AvroCodegen

/// Small schemas and the exact Swift the generator writes for them (`Tests/Fixtures/CodegenGolden`): a change of
/// the mapping shows up as a reviewable diff. To accept one, regenerate the goldens with
/// `cd Tests/Fixtures/CodegenGolden && for f in *.avsc; do swift-avro generate --output /tmp/g $f; done` and copy
/// `/tmp/g/X.swift` to `X.swift.golden`.
@Suite struct GoldenTests {
    static let directory = TestFiles.repositoryRoot.appendingPathComponent("Tests/Fixtures/CodegenGolden")

    @Test(arguments: ["record", "union", "enum-fixed"])
    func generatedSwiftIsTheGolden(name: String) throws {
        let schema = try TestFiles.bytes(Self.directory.appendingPathComponent("\(name).avsc"))
        let set = try SchemaSet(sources: [("\(name).avsc", schema)])
        let generated = try #require(try SwiftModelGenerator().generate(set).first)
        let golden = try TestFiles.bytes(Self.directory.appendingPathComponent("\(generated.fileName).golden"))
        #expect(generated.source == String(decoding: golden, as: UTF8.self))
    }
}
