import ArgumentParser
import AvroRegistry
import AvroTooling
import Foundation

/// How a command names its registry connection options: the `registry` client commands take `--url`; the data
/// commands (`encode`, `decode`, `compat`, `lint`) take `--registry`, where `--key` already means something else.
protocol RegistryOptionNaming: Sendable {
    /// The long name of the option that gives the registry's URLs.
    static var urlOption: String { get }
    /// The long name of the option that gives the client certificate's private key.
    static var keyOption: String { get }
    /// Whether the command always talks to a registry. When not, the URL option switches registry use on, it has
    /// no `$SCHEMA_REGISTRY_URL` default, and the other connection options need it.
    static var registryRequired: Bool { get }
}

/// The `swift-avro registry` client commands: `--url` (default `$SCHEMA_REGISTRY_URL`) and `--key`.
enum RegistryCommandNaming: RegistryOptionNaming {
    static let urlOption = "url"
    static let keyOption = "key"
    static let registryRequired = true
}

/// The data commands: `--registry` (no default: without it they do not use a registry) and `--cert-key`.
enum RegistryDataCommandNaming: RegistryOptionNaming {
    static let urlOption = "registry"
    static let keyOption = "cert-key"
    static let registryRequired = false
}

/// How the `swift-avro registry` client commands reach a registry.
typealias RegistryClientOptions = RegistryConnectionOptions<RegistryCommandNaming>

/// How the data commands reach a registry when given `--registry`.
typealias RegistryDataOptions = RegistryConnectionOptions<RegistryDataCommandNaming>

/// How a command reaches a registry: Confluent's client settings as options, named by `Naming`.
struct RegistryConnectionOptions<Naming: RegistryOptionNaming>: ParsableArguments {
    @Option(
        name: .customLong(Naming.urlOption),
        help: ArgumentHelp(
            "The registry's base URL; several, separated by commas, are tried in order (failover)."
                + (Naming.registryRequired ? " Default: $SCHEMA_REGISTRY_URL." : ""),
            valueName: "url[,url...]"))
    var url: String?

    @Option(help: ArgumentHelp("HTTP basic auth (or user:password@ in the URL).", valueName: "user:password"))
    var user: String?

    @Option(help: "A bearer token.")
    var token: String?

    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust instead of the system's.", valueName: "file"))
    var ca: String?

    @Option(
        help: ArgumentHelp("A PEM client certificate for mutual TLS (with --\(Naming.keyOption)).", valueName: "file"))
    var cert: String?

    @Option(
        name: .customLong(Naming.keyOption), help: ArgumentHelp("The PEM private key of --cert.", valueName: "file"))
    var key: String?

    @Option(help: "The longest a request may take, in seconds (connecting: at most 10 s of it).")
    var timeout: Double = 30

    @Option(name: .customLong("max-retries"), help: "Retries after a network error, a timeout, 408, 429 or 5xx.")
    var maxRetries = 3

    @Option(name: .customLong("retry-wait-ms"), help: "The first backoff in ms; each retry doubles it (full jitter).")
    var retryWaitMs = 1000

    @Option(name: .customLong("retry-max-wait-ms"), help: "The longest backoff in ms.")
    var retryMaxWaitMs = 20000

    /// The environment variable `--url` defaults to.
    static var environmentVariable: String { "SCHEMA_REGISTRY_URL" }

    /// The URLs to use: the URL option, else (for the registry commands) `$SCHEMA_REGISTRY_URL`, split at commas.
    var urls: [String] {
        let environment = Naming.registryRequired ? ProcessInfo.processInfo.environment[Self.environmentVariable] : nil
        let text = url ?? environment ?? ""
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether a registry is given (always, once validated, for the registry commands).
    var isGiven: Bool { url != nil || Naming.registryRequired }

    func validate() throws {
        let urls = self.urls
        let urlOption = "--" + Naming.urlOption
        let keyOption = "--" + Naming.keyOption
        if !Naming.registryRequired && url == nil {
            let given: [(String, Bool)] = [
                ("--user", user != nil), ("--token", token != nil), ("--ca", ca != nil), ("--cert", cert != nil),
                (keyOption, key != nil), ("--timeout", timeout != 30), ("--max-retries", maxRetries != 3),
                ("--retry-wait-ms", retryWaitMs != 1000), ("--retry-max-wait-ms", retryMaxWaitMs != 20000),
            ]
            if let (option, _) = given.first(where: \.1) { throw ValidationError("\(option) goes with \(urlOption)") }
            return
        }
        if urls.isEmpty {
            throw ValidationError(
                Naming.registryRequired
                    ? "give the registry with \(urlOption) URL or \(Self.environmentVariable)"
                    : "\(urlOption) needs a URL")
        }
        for url in urls where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw ValidationError("\(Self.redacted(url)): a registry URL starts with http:// or https://")
        }
        if user != nil && token != nil { throw ValidationError("give --user or --token, not both") }
        if let user, !user.contains(":") { throw ValidationError("--user takes USER:PASSWORD") }
        if (cert == nil) != (key == nil) { throw ValidationError("--cert and \(keyOption) go together") }
        for (option, file) in [("--ca", ca), ("--cert", cert), (keyOption, key)] {
            if let file, !FileManager.default.fileExists(atPath: file) {
                throw ValidationError("\(option): no such file: \(file)")
            }
        }
        // libcurl reads a timeout of 0 ms as none at all.
        if !(timeout >= 0.001 && timeout <= 86400) {
            throw ValidationError("--timeout must be from 0.001 to 86400 seconds")
        }
        if maxRetries < 0 { throw ValidationError("--max-retries must be 0 or more") }
        for (option, value) in [("--retry-wait-ms", retryWaitMs), ("--retry-max-wait-ms", retryMaxWaitMs)]
        where !(0...86_400_000).contains(value) {
            throw ValidationError("\(option) must be from 0 to 86400000 (a day)")
        }
    }

    /// The client these options describe.
    func makeClient() -> SchemaRegistryClient {
        var configuration = RegistryClientConfiguration(urls: urls)
        let timeout = Duration.milliseconds(Int((self.timeout * 1000).rounded()))
        configuration.requestTimeout = timeout
        configuration.maxRetries = maxRetries
        configuration.retryBase = .milliseconds(retryWaitMs)
        configuration.retryCap = .milliseconds(retryMaxWaitMs)
        if let user, let colon = user.firstIndex(of: ":") {
            configuration.credentials = .basic(
                user: String(user[..<colon]), password: String(user[user.index(after: colon)...]))
        } else if let token {
            configuration.credentials = .bearer(token)
        }
        let transport = CurlTransport(
            connectTimeout: min(.seconds(10), timeout),
            tls: CurlTransport.TLS(caFile: ca, certificateFile: cert, keyFile: key))
        return SchemaRegistryClient(configuration, transport: transport)
    }

    /// Runs `body` with a client; a registry's refusal or an unreachable registry is `error: …` on stderr and
    /// exit 1 (never with credentials).
    func withClient(_ body: (SchemaRegistryClient) async throws -> Void) async throws {
        do {
            try await body(makeClient())
        } catch let error as RegistryError {
            printError("error: \(error)")
            throw ExitCode(1)
        } catch let error as RegistryTransportError {
            printError("error: \(describe(error))")
            throw ExitCode(1)
        } catch let error as RegistrySerdeError {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// What `error` says, for a message on stderr: a transport failure as ``describe(_:)`` does (without
    /// credentials), anything else as it describes itself.
    func message(for error: any Error) -> String {
        if let error = error as? RegistryTransportError { return describe(error) }
        return "\(error)"
    }

    /// A transport failure, naming the URLs without their credentials.
    func describe(_ error: RegistryTransportError) -> String {
        let urls = self.urls.map(Self.redacted).joined(separator: ", ")
        let tries = maxRetries == 0 ? "" : " (\(maxRetries + 1) attempts)"
        if error.isTimeout {
            return "timed out after \(Self.seconds(timeout)) s waiting for the schema registry at \(urls)\(tries): "
                + error.message
        }
        return "cannot reach the schema registry at \(urls)\(tries): \(error.message)"
    }

    /// `url` without any `user:password@`.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
