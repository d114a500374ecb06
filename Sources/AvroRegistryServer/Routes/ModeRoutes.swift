import AvroRegistry
import Hummingbird

/// `/mode`: what the registry (or a subject) accepts.
struct ModeRoutes {
    let engine: RegistryEngine

    func add(to router: Router<RegistryRequestContext>) {
        router.get("/mode") { _, _ in
            try RegistryHTTP.json(ModeMessage(mode: try await engine.mode(subject: nil)))
        }
        router.get("/mode/{subject}") { request, context in
            let mode = try await engine.mode(
                subject: try context.path("subject"), defaultToGlobal: request.flag("defaultToGlobal"))
            return try RegistryHTTP.json(ModeMessage(mode: mode))
        }
        router.put("/mode") { request, context in
            try await update(request, context, subject: nil)
        }
        router.put("/mode/{subject}") { request, context in
            try await update(request, context, subject: try context.path("subject"))
        }
        router.delete("/mode") { _, _ in
            try RegistryHTTP.json(ModeMessage(mode: try await engine.deleteMode(subject: nil)))
        }
        router.delete("/mode/{subject}") { _, context in
            try RegistryHTTP.json(ModeMessage(mode: try await engine.deleteMode(subject: try context.path("subject"))))
        }
    }

    private func update(_ request: Request, _ context: RegistryRequestContext, subject: String?) async throws
        -> Response
    {
        let body = try await RegistryHTTP.decode(ModeMessage.self, from: request, context: context)
        guard let mode = RegistryMode(rawValue: body.mode.uppercased()) else { throw RegistryError.invalidMode }
        try await engine.setMode(mode, subject: subject, force: request.flag("force"))
        return try RegistryHTTP.json(ModeMessage(mode: mode))
    }
}
