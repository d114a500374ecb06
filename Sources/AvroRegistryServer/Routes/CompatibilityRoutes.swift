import AvroRegistry
import Hummingbird

/// `/compatibility`: may a schema be registered under a subject?
struct CompatibilityRoutes {
    let engine: RegistryEngine

    func add(to router: Router<RegistryRequestContext>) {
        router.post("/compatibility/subjects/{subject}/versions/{version}") { request, context in
            try await check(request, context, version: try context.version())
        }
        router.post("/compatibility/subjects/{subject}/versions") { request, context in
            try await check(request, context, version: nil)
        }
    }

    private func check(_ request: Request, _ context: RegistryRequestContext, version: VersionSpec?) async throws
        -> Response
    {
        let subject = try context.path("subject")
        let body = try await RegistryHTTP.decode(RegisterSchemaRequest.self, from: request, context: context)
        return try RegistryHTTP.json(
            try await engine.checkCompatibility(
                body, subject: subject, version: version, verbose: request.flag("verbose"),
                normalize: request.flag("normalize")))
    }
}
