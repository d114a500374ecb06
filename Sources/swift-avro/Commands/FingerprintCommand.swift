import ArgumentParser
import Avro
import AvroTooling

extension FingerprintAlgorithm: ExpressibleByArgument {}

/// `swift-avro fingerprint [--algorithm rabin|md5|sha256] FILE`
struct FingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "Print the fingerprint of a schema's Parsing Canonical Form as lowercase hex.",
        discussion: """
            rabin prints the 8 little-endian bytes that single-object encoding writes (Java's \
            SchemaNormalization.parsingFingerprint("CRC-64-AVRO", schema)); for "int" that is 8f5c393f1ad57572.
            """
    )

    @Option(help: "rabin (CRC-64-AVRO), md5 or sha256.")
    var algorithm: FingerprintAlgorithm = .rabin

    @Argument(help: "The schema file.")
    var file: String

    @Option(name: .customLong("import"), help: "Files that define named types the schema uses (repeatable).")
    var imports: [String] = []

    func run() throws {
        let bytes = try SchemaInputs.parseRoot(file, imports: imports).fingerprint(algorithm)
        print(Hex.string(bytes))
    }
}
