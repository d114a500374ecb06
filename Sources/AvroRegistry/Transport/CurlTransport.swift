import CCurl
import CCurlShim
import Dispatch
import Foundation
import Synchronization

/// HTTP through libcurl. Each transfer runs on a private dispatch queue — never on Swift's cooperative thread
/// pool — with an easy handle taken from a pool, so connections are kept alive and reused.
public final class CurlTransport: RegistryTransport {
    /// TLS settings: a custom CA, a client certificate (mTLS); peers are always verified.
    public struct TLS: Sendable, Hashable {
        /// A PEM file of CA certificates to trust instead of the system's.
        public var caFile: String?
        /// A PEM client certificate and its key.
        public var certificateFile: String?
        /// The client certificate's key (PEM).
        public var keyFile: String?

        /// Creates settings.
        public init(caFile: String? = nil, certificateFile: String? = nil, keyFile: String? = nil) {
            self.caFile = caFile
            self.certificateFile = certificateFile
            self.keyFile = keyFile
        }
    }

    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    private let queue = DispatchQueue(label: "swift-avro.curl", attributes: .concurrent)
    private let handles = Mutex<[CurlHandle]>([])
    private let connectTimeout: Duration
    private let tls: TLS

    /// A transport with a connect timeout (10 s by default) and TLS settings.
    public init(connectTimeout: Duration = .seconds(10), tls: TLS = TLS()) {
        _ = Self.initialized
        self.connectTimeout = connectTimeout
        self.tls = tls
    }

    public func send(_ request: RegistryHTTPRequest, timeout: Duration) async throws(RegistryTransportError)
        -> RegistryHTTPResponse
    {
        let result: Result<RegistryHTTPResponse, RegistryTransportError> = await withCheckedContinuation {
            continuation in
            queue.async {
                let handle = self.handles.withLock { $0.popLast() } ?? CurlHandle()
                let result = handle.perform(
                    request, timeout: timeout, connectTimeout: self.connectTimeout, tls: self.tls)
                self.handles.withLock { pool in if pool.count < 32 { pool.append(handle) } }
                continuation.resume(returning: result)
            }
        }
        return try result.get()
    }
}

/// One libcurl easy handle (its connection cache goes with it) and the buffers of the transfer it runs.
final class CurlHandle: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer?
    private var body: [UInt8] = []
    private var headers: [String: String] = [:]

    init() { handle = curl_easy_init() }

    deinit { if let handle { curl_easy_cleanup(handle) } }

    func perform(
        _ request: RegistryHTTPRequest, timeout: Duration, connectTimeout: Duration, tls: CurlTransport.TLS
    ) -> Result<RegistryHTTPResponse, RegistryTransportError> {
        guard let handle else { return .failure(RegistryTransportError("libcurl could not create a handle")) }
        curl_easy_reset(handle)
        body = []
        headers = [:]
        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        for (name, value) in request.headers { list = curl_slist_append(list, "\(name): \(value)") }
        // No "Expect: 100-continue" round trip for larger bodies.
        list = curl_slist_append(list, "Expect:")
        _ = avro_curl_setopt_string(handle, CURLOPT_URL, request.url)
        _ = avro_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = avro_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(timeout))
        _ = avro_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(connectTimeout))
        _ = avro_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = avro_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let file = tls.caFile { _ = avro_curl_setopt_string(handle, CURLOPT_CAINFO, file) }
        if let file = tls.certificateFile { _ = avro_curl_setopt_string(handle, CURLOPT_SSLCERT, file) }
        if let file = tls.keyFile { _ = avro_curl_setopt_string(handle, CURLOPT_SSLKEY, file) }
        _ = avro_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        _ = avro_curl_setopt_write_callback(
            handle,
            { data, size, count, context in
                let handle = Unmanaged<CurlHandle>.fromOpaque(context!).takeUnretainedValue()
                handle.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
                return size * count
            })
        _ = avro_curl_setopt_header_callback(
            handle,
            { data, size, count, context in
                let handle = Unmanaged<CurlHandle>.fromOpaque(context!).takeUnretainedValue()
                let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
                if let colon = line.firstIndex(of: ":") {
                    let name = line[..<colon].lowercased()
                    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                    handle.headers[name] = value
                }
                return size * count
            })
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = avro_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = avro_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        switch request.method {
        case "GET": break
        case "POST": _ = avro_curl_setopt_long(handle, CURLOPT_POST, 1)
        default: _ = avro_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let payload = request.body {
            // Copied by libcurl, so the bytes need not outlive this call.
            _ = avro_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, payload.count)
            payload.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress {
                    _ = avro_curl_setopt_pointer(
                        handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
                } else {
                    _ = avro_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                }
            }
        }
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            return .failure(RegistryTransportError(message, isTimeout: code == CURLE_OPERATION_TIMEDOUT))
        }
        var status = 0
        _ = avro_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(RegistryHTTPResponse(status: status, headers: headers, body: body))
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
