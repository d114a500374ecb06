import AvroRegistry
import Testing

/// Expects `body` to fail with the registry error `code`.
func expectRegistryError(_ code: Int, _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("expected error \(code)")
    } catch let error as RegistryError {
        #expect(error.code == code, "\(error)")
    } catch {
        Issue.record("unexpected \(error)")
    }
}
