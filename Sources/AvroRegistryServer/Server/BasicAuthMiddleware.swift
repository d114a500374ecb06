import AvroRegistry
import Crypto
import Foundation
import Hummingbird
import HummingbirdBcrypt
import Synchronization

/// HTTP basic authentication against bcrypt hashes (`--users FILE`). Health probes stay open (Kubernetes calls
/// them without credentials). A verified header is remembered by its SHA-256, so bcrypt runs once per client,
/// not per request; no password is ever logged.
struct BasicAuthMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext
    let users: [String: String]
    let verified = VerifiedCredentials()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if request.uri.path.hasPrefix("/health/") { return try await next(request, context) }
        guard let header = request.headers[.authorization], authenticate(header) else {
            var response = RegistryHTTP.response(for: RegistryError(status: 401, code: 40101, message: "Unauthorized"))
            response.headers[.wwwAuthenticate] = "Basic realm=\"schema-registry\""
            return response
        }
        return try await next(request, context)
    }

    private func authenticate(_ header: String) -> Bool {
        let digest = Data(SHA256.hash(data: Data(header.utf8)))
        if verified.contains(digest) { return true }
        guard header.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: decoded, encoding: .utf8),
            let colon = text.firstIndex(of: ":"),
            let hash = users[String(text[..<colon])],
            Bcrypt.verify(String(text[text.index(after: colon)...]), hash: hash)
        else { return false }
        verified.insert(digest)
        return true
    }

    /// Reads a users file: one `name:bcrypt-hash` per line; blank lines and `#` comments skipped.
    static func readUsers(path: String) throws -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw RegistryServerError("\(path): cannot read the users file")
        }
        var users: [String: String] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                line[line.index(after: colon)...].hasPrefix("$2")
            else {
                throw RegistryServerError("\(path):\(number + 1): expected name:bcrypt-hash")
            }
            users[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        return users
    }
}

/// Digests of Authorization headers that passed.
final class VerifiedCredentials: Sendable {
    private let digests = Mutex<Set<Data>>([])

    func contains(_ digest: Data) -> Bool { digests.withLock { $0.contains(digest) } }
    func insert(_ digest: Data) { digests.withLock { _ = $0.insert(digest) } }
}

/// A failure to start the server, with a message for the operator.
public struct RegistryServerError: Error, CustomStringConvertible {
    public var description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
