import AvroRegistry
import Hummingbird

/// `/subjects`: subjects, their versions, registration, lookup and deletes.
struct SubjectRoutes {
    let engine: RegistryEngine
    /// Emptied by permanent deletes, which can make an id disappear.
    let schemaCache: SchemaResponseCache

    func add(to router: Router<RegistryRequestContext>) {
        router.get("/subjects") { request, _ in
            try RegistryHTTP.json(
                try await engine.subjects(
                    prefix: request.query("subjectPrefix") ?? "", deleted: request.flag("deleted"),
                    deletedOnly: request.flag("deletedOnly")))
        }
        router.get("/subjects/{subject}/versions") { request, context in
            try RegistryHTTP.json(
                try await engine.versions(
                    of: try context.path("subject"), deleted: request.flag("deleted"),
                    deletedOnly: request.flag("deletedOnly")))
        }
        router.post("/subjects/{subject}/versions") { request, context in
            let subject = try context.path("subject")
            let body = try await RegistryHTTP.decode(RegisterSchemaRequest.self, from: request, context: context)
            let id = try await engine.register(body, under: subject, normalize: request.flag("normalize"))
            return try RegistryHTTP.json(RegisterSchemaResponse(id: id))
        }
        router.get("/subjects/{subject}/versions/{version}") { request, context in
            try RegistryHTTP.json(
                try await engine.version(
                    try context.version(), of: try context.path("subject"), deleted: request.flag("deleted")))
        }
        router.get("/subjects/{subject}/versions/{version}/schema") { request, context in
            let version = try await engine.version(
                try context.version(), of: try context.path("subject"), deleted: request.flag("deleted"))
            return RegistryHTTP.response(bytes: Array(version.schema.utf8))
        }
        router.get("/subjects/{subject}/versions/{version}/referencedby") { _, context in
            try RegistryHTTP.json(try await engine.referencedBy(try context.version(), of: try context.path("subject")))
        }
        router.post("/subjects/{subject}") { request, context in
            let subject = try context.path("subject")
            let body = try await RegistryHTTP.decode(RegisterSchemaRequest.self, from: request, context: context)
            return try RegistryHTTP.json(
                try await engine.lookup(
                    body, in: subject, normalize: request.flag("normalize"), deleted: request.flag("deleted")))
        }
        router.delete("/subjects/{subject}") { request, context in
            let deleted = try await engine.deleteSubject(
                try context.path("subject"), permanent: request.flag("permanent"))
            if request.flag("permanent") { schemaCache.removeAll() }
            return try RegistryHTTP.json(deleted)
        }
        router.delete("/subjects/{subject}/versions/{version}") { request, context in
            let deleted = try await engine.deleteVersion(
                try context.version(), of: try context.path("subject"), permanent: request.flag("permanent"))
            if request.flag("permanent") { schemaCache.removeAll() }
            return try RegistryHTTP.json(deleted)
        }
    }
}
