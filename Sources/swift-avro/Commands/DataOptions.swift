import ArgumentParser
import Avro
import Foundation

/// How datums are framed on the wire.
enum Framing: String, ExpressibleByArgument, CaseIterable {
    case none
    case singleObject = "single-object"
    case confluent
}

/// The schema options shared by the data commands.
struct SchemaOptions: ParsableArguments {
    @Option(name: .long, help: "The schema file of the values.")
    var schema: String

    @Option(name: .customLong("import"), help: "Files that define named types the schemas use (repeatable).")
    var imports: [String] = []

    /// The schema in `path`, parsed with the imports.
    func load(_ path: String) throws -> Schema {
        try SchemaInputs.parseRoot(path, imports: imports)
    }
}

/// Reads all of standard input.
func readStandardInput() -> [UInt8] {
    Array(FileHandle.standardInput.readDataToEndOfFile())
}

/// Writes bytes to standard output.
func writeStandardOutput(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
}

/// Lowercase hex of `bytes`.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format2Hex: $0) }.joined()
}

/// The bytes of a hex string, or nil if it is not hex.
func bytes(fromHex text: Substring) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count / 2)
    var index = 0
    while index < digits.count {
        guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
        bytes.append(high << 4 | low)
        index += 2
    }
    return bytes
}

private func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
    default: return nil
    }
}

extension String {
    init(format2Hex byte: UInt8) {
        self = (byte < 16 ? "0" : "") + String(byte, radix: 16)
    }
}

/// A data error on one input line: printed as `line N: at PATH: message`, exit code 1.
func failLine(_ line: Int, _ message: String) -> ExitCode {
    printError("line \(line): \(message)")
    return ExitCode(1)
}
