import ArgumentParser
import AvroLint
import AvroRegistryServer
import Foundation
import Logging

/// `swift-avro registry serve`: Confluent's REST API from one SQLite file.
struct RegistryServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Confluent's Schema Registry REST API for Avro from one SQLite file.",
        discussion: """
            Prints "listening on http://HOST:PORT" once it accepts connections (with --port 0, the port it
            chose), logs each request on stderr, and stops cleanly on SIGINT or SIGTERM. Health at /health/live and
            /health/ready, Prometheus metrics at /metrics.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port).")
    var port = 8081

    @Option(help: "The SQLite database file (created when missing).")
    var data = "schema-registry.db"

    @Flag(help: "Refuse registrations under <topic>-key / <topic>-value subjects with error-level lint findings.")
    var lint = false

    @Option(name: .customLong("lint-config"), help: "The lint configuration (JSON) for --lint.")
    var lintConfig: String?

    @Option(help: "Require HTTP basic auth: a file of name:bcrypt-hash lines.")
    var users: String?

    @Option(name: .customLong("tls-cert"), help: "Serve HTTPS with this PEM certificate chain (with --tls-key).")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "The PEM private key for --tls-cert.")
    var tlsKey: String?

    @Option(
        name: .customLong("tls-client-ca"),
        help: "Require client certificates signed by a CA in this PEM file (mTLS; with --tls-cert).")
    var tlsClientCA: String?

    @Option(name: .customLong("max-body-bytes"), help: "The largest request body accepted (413 beyond it).")
    var maxBodyBytes = 8 << 20

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if tlsClientCA != nil && tlsCert == nil { throw ValidationError("--tls-client-ca needs --tls-cert") }
        if lintConfig != nil && !lint { throw ValidationError("--lint-config needs --lint") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be in 0...65535") }
        if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() async throws {
        var configuration = RegistryServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.databasePath = data
        configuration.maxBodyBytes = maxBodyBytes
        do {
            if lint {
                if let lintConfig {
                    guard let bytes = FileManager.default.contents(atPath: lintConfig) else {
                        throw RegistryServerError("\(lintConfig): cannot read the lint configuration")
                    }
                    configuration.lint = try LintConfiguration(json: Array(bytes), file: lintConfig)
                } else {
                    configuration.lint = LintConfiguration()
                }
            }
            if let users { configuration.users = try RegistryServer.readUsers(path: users) }
            if let tlsCert, let tlsKey { configuration.tls = (tlsCert, tlsKey) }
            configuration.tlsClientCA = tlsClientCA
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var logger = Logger(label: "swift-avro.registry")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let scheme = configuration.tls == nil ? "http" : "https"
        let host = self.host
        let data = self.data
        do {
            try await RegistryServer.run(configuration, logger: logger) { port in
                // Unbuffered: scripts and tests wait for this line.
                FileHandle.standardOutput.write(Data("listening on \(scheme)://\(host):\(port) (data: \(data))\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
