import Avro
import AvroRegistry
import Hummingbird

/// `/config`: the compatibility level, global and per subject.
struct ConfigRoutes {
    let engine: RegistryEngine

    func add(to router: Router<RegistryRequestContext>) {
        let engine = engine
        SubjectSettingRoutes(
            read: { subject, defaultToGlobal in
                let level = try await engine.compatibility(subject: subject, defaultToGlobal: defaultToGlobal)
                return try RegistryHTTP.json(ConfigResponse(compatibilityLevel: level))
            },
            update: update,
            delete: { subject in
                try RegistryHTTP.json(
                    ConfigResponse(compatibilityLevel: try await engine.deleteCompatibility(subject: subject)))
            }
        ).add(to: router, name: "config")
    }

    private func update(_ request: Request, _ context: RegistryRequestContext, subject: String?) async throws
        -> Response
    {
        let body = try await RegistryHTTP.decode(ConfigUpdate.self, from: request, context: context)
        guard let level = CompatibilityLevel(registryName: body.compatibility) else {
            throw RegistryError.invalidCompatibilityLevel
        }
        try await engine.setCompatibility(level, subject: subject)
        return try RegistryHTTP.json(ConfigUpdate(compatibility: level))
    }
}
