import AvroRegistry
import Hummingbird

/// `/schemas`: schemas by global id, and the list of every schema.
struct SchemaRoutes {
    let engine: RegistryEngine
    let cache: SchemaResponseCache

    func add(to router: Router<RegistryRequestContext>) {
        router.get("/schemas/ids/{id}") { _, context in
            let id = try context.schemaID()
            if let bytes = cache.get(id) { return RegistryHTTP.response(bytes: bytes) }
            let schema = try await engine.schema(id: id)
            let bytes = try RegistryHTTP.encoder.encode(
                SchemaByID(schema: schema.text, references: schema.references.isEmpty ? nil : schema.references))
            cache.set(id, Array(bytes))
            return RegistryHTTP.response(bytes: bytes)
        }
        router.get("/schemas/ids/{id}/schema") { _, context in
            let schema = try await engine.schema(id: try context.schemaID())
            // The raw schema, as Confluent serves it: the schema's JSON itself, not a string holding it.
            return RegistryHTTP.response(bytes: Array(schema.text.utf8))
        }
        router.get("/schemas/ids/{id}/versions") { request, context in
            try RegistryHTTP.json(
                try await engine.versions(ofSchema: try context.schemaID(), deleted: request.flag("deleted")))
        }
        router.get("/schemas/ids/{id}/subjects") { request, context in
            let versions = try await engine.versions(ofSchema: try context.schemaID(), deleted: request.flag("deleted"))
            var subjects: [String] = []
            for version in versions where !subjects.contains(version.subject) { subjects.append(version.subject) }
            return try RegistryHTTP.json(subjects)
        }
        router.get("/schemas/types") { _, _ in
            try RegistryHTTP.json(["AVRO"])
        }
        router.get("/schemas") { request, _ in
            try RegistryHTTP.json(
                try await engine.schemas(
                    subjectPrefix: request.query("subjectPrefix") ?? "", deleted: request.flag("deleted"),
                    latestOnly: request.flag("latestOnly"), offset: Int(request.query("offset") ?? "") ?? 0,
                    limit: Int(request.query("limit") ?? "") ?? -1))
        }
    }
}
