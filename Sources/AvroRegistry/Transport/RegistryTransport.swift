/// One HTTP request to a registry.
public struct RegistryHTTPRequest: Sendable, Hashable {
    /// `GET`, `POST`, `PUT` or `DELETE`.
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Header fields, name → value.
    public var headers: [String: String]
    /// The body, if any.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: String, url: String, headers: [String: String] = [:], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A registry's HTTP answer.
public struct RegistryHTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Header fields, names in lower case.
    public var headers: [String: String]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A failure to get any HTTP answer: the connection was refused, timed out, TLS failed.
public struct RegistryTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Whether it was a timeout.
    public var isTimeout: Bool

    /// Creates an error.
    public init(_ message: String, isTimeout: Bool = false) {
        self.message = message
        self.isTimeout = isTimeout
    }

    public var description: String { message }
}

/// How the client sends HTTP: libcurl by default (``CurlTransport``); plug in another HTTP client by conforming.
public protocol RegistryTransport: Sendable {
    /// Sends `request`; an HTTP error status is a response, not an error.
    /// - Throws: ``RegistryTransportError`` when no answer arrives.
    func send(_ request: RegistryHTTPRequest, timeout: Duration) async throws(RegistryTransportError)
        -> RegistryHTTPResponse
}
