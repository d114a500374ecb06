import AvroRegistry
import Hummingbird
import Logging

/// Turns every failure into Confluent's error body: registry errors as they are, HTTP errors (404 for an unknown
/// route, 413 for a body over the limit) with their status as the code, anything else as 50001, logged.
struct RegistryErrorMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.maxBodyBytes = maxBodyBytes
        do {
            return try await next(request, context)
        } catch let error as RegistryError {
            return RegistryHTTP.response(for: error)
        } catch let error as HTTPError {
            let message =
                switch error.status {
                case .notFound: "HTTP 404 Not Found"
                case .contentTooLarge: "Request body larger than \(maxBodyBytes) bytes"
                default: error.body ?? "HTTP \(error.status.code) \(error.status.reasonPhrase)"
                }
            return RegistryHTTP.response(for: .http(error.status.code, message))
        } catch {
            context.logger.error("request failed: \(error)")
            return RegistryHTTP.response(for: .storeError("\(error)"))
        }
    }
}
