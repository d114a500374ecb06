import AvroRegistry
import Foundation
import Hummingbird
import NIOCore

/// JSON in and out, as Confluent's registry speaks it.
enum RegistryHTTP {
    /// The content type of every answer.
    static let contentType = "application/vnd.schemaregistry.v1+json"

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// `value` as a JSON response.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(bytes: try encoder.encode(value), status: status)
    }

    /// Encoded JSON bytes as a response.
    static func response(bytes: some Sequence<UInt8>, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The error's JSON body with its status.
    static func response(for error: RegistryError) -> Response {
        let body = (try? encoder.encode(ErrorMessage(error))) ?? Data("{}".utf8)
        return response(bytes: body, status: HTTPResponse.Status(code: error.status))
    }

    /// The request body decoded as `T`, as Confluent's registry answers bad bodies: 413 beyond the limit, 400 for
    /// malformed JSON or a value of the wrong type, 422 for an empty body or a missing required field.
    static func decode<T: Decodable>(
        _ type: T.Type, from request: Request, context: RegistryRequestContext
    ) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw RegistryError(
                status: 413, code: 413, message: "Request body larger than \(context.maxBodyBytes) bytes")
        }
        if buffer.readableBytes == 0 {
            throw RegistryError(status: 422, code: 422, message: "The request body must not be empty")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch DecodingError.keyNotFound(let key, _) {
            throw RegistryError(status: 422, code: 422, message: "The field '\(key.stringValue)' must not be null")
        } catch {
            throw RegistryError(status: 400, code: 400, message: describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "\(context.debugDescription) at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let context):
            "Unrecognized JSON: \((context.underlyingError as? NSError)?.debugDescription ?? context.debugDescription)"
        default: "\(error)"
        }
    }
}

extension Request {
    /// A query parameter that is `true` (Confluent's boolean flags).
    func flag(_ name: String) -> Bool {
        uri.queryParameters.get(name)?.lowercased() == "true"
    }

    /// A query parameter.
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name)
    }
}

extension RegistryRequestContext {
    /// A path parameter, percent-decoded (subjects may hold any character).
    func path(_ name: String) throws -> String {
        guard let raw = parameters.get(name) else { throw RegistryError.http(404, "HTTP 404 Not Found") }
        return raw.removingPercentEncoding ?? raw
    }

    /// The `{version}` path parameter.
    func version() throws -> VersionSpec {
        try VersionSpec(parsing: try path("version"))
    }

    /// The `{id}` path parameter.
    func schemaID() throws -> Int {
        let text = try path("id")
        guard let id = Int(text) else { throw RegistryError.http(404, "HTTP 404 Not Found") }
        return id
    }
}
