import Hummingbird

/// The routes of a setting kept globally and per subject, as `/config` and `/mode` are: `GET`, `PUT` and `DELETE`
/// on `/<name>` (the global setting) and `/<name>/{subject}`.
struct SubjectSettingRoutes {
    /// `GET`: the setting of a subject (nil: the global one), the global one for a subject without its own when
    /// `defaultToGlobal`.
    let read: @Sendable (_ subject: String?, _ defaultToGlobal: Bool) async throws -> Response
    /// `PUT`: sets the setting from the request body.
    let update: @Sendable (Request, RegistryRequestContext, _ subject: String?) async throws -> Response
    /// `DELETE`: removes the setting and answers the one that was set.
    let delete: @Sendable (_ subject: String?) async throws -> Response

    /// Adds the six routes under `/<name>`.
    func add(to router: Router<RegistryRequestContext>, name: String) {
        let global = RouterPath("/\(name)")
        let perSubject = RouterPath("/\(name)/{subject}")
        router.get(global) { _, _ in try await read(nil, false) }
        router.get(perSubject) { request, context in
            try await read(try context.path("subject"), request.flag("defaultToGlobal"))
        }
        router.put(global) { request, context in try await update(request, context, nil) }
        router.put(perSubject) { request, context in
            try await update(request, context, try context.path("subject"))
        }
        router.delete(global) { _, _ in try await delete(nil) }
        router.delete(perSubject) { _, context in try await delete(try context.path("subject")) }
    }
}
