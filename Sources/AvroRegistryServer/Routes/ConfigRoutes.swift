import Avro
import AvroRegistry
import Hummingbird

/// `/config`: the compatibility level, global and per subject.
struct ConfigRoutes {
    let engine: RegistryEngine

    func add(to router: Router<RegistryRequestContext>) {
        router.get("/config") { _, _ in
            try RegistryHTTP.json(ConfigResponse(compatibilityLevel: try await engine.compatibility(subject: nil)))
        }
        router.get("/config/{subject}") { request, context in
            let level = try await engine.compatibility(
                subject: try context.path("subject"), defaultToGlobal: request.flag("defaultToGlobal"))
            return try RegistryHTTP.json(ConfigResponse(compatibilityLevel: level))
        }
        router.put("/config") { request, context in
            try await update(request, context, subject: nil)
        }
        router.put("/config/{subject}") { request, context in
            try await update(request, context, subject: try context.path("subject"))
        }
        router.delete("/config") { _, _ in
            try RegistryHTTP.json(
                ConfigResponse(compatibilityLevel: try await engine.deleteCompatibility(subject: nil)))
        }
        router.delete("/config/{subject}") { _, context in
            let level = try await engine.deleteCompatibility(subject: try context.path("subject"))
            return try RegistryHTTP.json(ConfigResponse(compatibilityLevel: level))
        }
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
