import AvroRegistry
import Hummingbird

/// `/mode`: what the registry (or a subject) accepts.
struct ModeRoutes {
    let engine: RegistryEngine

    func add(to router: Router<RegistryRequestContext>) {
        let engine = engine
        SubjectSettingRoutes(
            read: { subject, defaultToGlobal in
                try RegistryHTTP.json(
                    ModeMessage(mode: try await engine.mode(subject: subject, defaultToGlobal: defaultToGlobal)))
            },
            update: update,
            delete: { subject in try RegistryHTTP.json(ModeMessage(mode: try await engine.deleteMode(subject: subject)))
            }
        ).add(to: router, name: "mode")
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
