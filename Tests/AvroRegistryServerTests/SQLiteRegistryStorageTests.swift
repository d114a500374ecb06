import AvroRegistry
import AvroRegistryServer
import Foundation
import Testing

/// The SQLite store under the registry's semantics: what is acknowledged is there after reopening, one id per
/// schema, and files that are not registry databases are refused untouched.
struct SQLiteRegistryStorageTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID())")

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test func registrationsSurviveReopening() async throws {
        let file = path("reopen.db")
        let schema = #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#
        do {
            let storage = try SQLiteRegistryStorage(path: file)
            let engine = RegistryEngine(storage: storage)
            #expect(try await engine.register(RegisterSchemaRequest(schema: schema), under: "a") == 1)
            #expect(try await engine.register(RegisterSchemaRequest(schema: schema), under: "b") == 1)
            try await engine.setCompatibility(.full, subject: "a")
            try storage.close()
        }
        let engine = RegistryEngine(storage: try SQLiteRegistryStorage(path: file))
        #expect(try await engine.subjects() == ["a", "b"])
        #expect(try await engine.compatibility(subject: "a") == .full)
        #expect(
            try await engine.schema(id: 1).text == #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#
        )
    }

    @Test func concurrentDifferentSchemasGetConsecutiveVersions() async throws {
        let engine = RegistryEngine(storage: try SQLiteRegistryStorage(path: path("concurrent.db")))
        try await engine.setCompatibility(.none, subject: nil)
        let ids = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 {
                group.addTask {
                    try await engine.register(
                        RegisterSchemaRequest(schema: #"{"type":"fixed","name":"F\#(index)","size":4}"#), under: "s")
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(Set(ids).count == 40)
        #expect(try await engine.versions(of: "s") == Array(1...40))
    }

    @Test func aFileThatIsNotARegistryDatabaseIsRefusedUntouched() throws {
        let file = path("text.db")
        let bytes = Data(repeating: 0x41, count: 4096)
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect(throws: (any Error).self) { try SQLiteRegistryStorage(path: file) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
    }
}
