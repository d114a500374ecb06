/// An error in JSON text, with the position where it was found.
package struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for a person.
    package var message: String
    /// The line and column where the text stops being valid JSON.
    package var position: SourcePosition

    package var description: String { "\(position): \(message)" }
}

/// A strict RFC 8259 JSON parser that records the position of every value.
///
/// Foundation's parsers give no positions, and schema errors, lint findings and compatibility reports must say
/// where they are. The parser is iterative over contiguous bytes with a nesting limit, so hostile input cannot
/// overflow the stack. UTF-16 and UTF-32 text (detected from its zero bytes, as RFC 4627 and Jackson do) is
/// converted to UTF-8 first; anything that is not valid Unicode is rejected.
package struct JSONParser: Sendable {
    /// The number of members from which an object's duplicate keys are found with a set rather than a scan.
    static let keySetThreshold = 16

    /// The deepest nesting of arrays and objects accepted.
    package var maxDepth: Int

    /// Creates a parser.
    package init(maxDepth: Int = 512) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON document; only whitespace may follow it.
    package func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try parseUTF8(buffer) }
    }

    /// Parses one JSON document from bytes (UTF-8, or UTF-16/32 detected by their zero bytes).
    package func parse(bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let utf8 = try Self.utf8(from: bytes)
        return try utf8.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try parseUTF8(buffer) }
    }

    private func parseUTF8(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: buffer, maxDepth: maxDepth)
        return try reader.parseDocument()
    }

    /// Converts the input to validated UTF-8, detecting UTF-16/32 by the pattern of zero bytes in the first four.
    static func utf8(from bytes: [UInt8]) throws(JSONSyntaxError) -> [UInt8] {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.count >= 4 {
            let zeros = bytes.prefix(4).map { $0 == 0 }
            let decoded: String?
            switch (zeros[0], zeros[1], zeros[2], zeros[3]) {
            case (true, true, true, false): decoded = decodeUTF32(bytes, bigEndian: true)
            case (false, true, true, true): decoded = decodeUTF32(bytes, bigEndian: false)
            case (true, false, true, false): decoded = decodeUTF16(bytes, bigEndian: true)
            case (false, true, false, true): decoded = decodeUTF16(bytes, bigEndian: false)
            default: decoded = nil
            }
            if let decoded { return Array(decoded.utf8) }
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw JSONSyntaxError(message: "the text is not valid UTF-8", position: SourcePosition(line: 1, column: 1))
        }
        return bytes
    }

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        let units = stride(from: 0, to: bytes.count, by: 2).map { index -> UInt16 in
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            return UInt16(high) << 8 | UInt16(low)
        }
        return String(validating: units, as: UTF16.self)
    }

    private static func decodeUTF32(_ bytes: [UInt8], bigEndian: Bool) -> String? {
        guard bytes.count % 4 == 0 else { return nil }
        var scalars = String.UnicodeScalarView()
        for index in stride(from: 0, to: bytes.count, by: 4) {
            let word = bytes[index..<index + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let value = bigEndian ? word : word.byteSwapped
            guard let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

/// The cursor over validated UTF-8 bytes that does the parsing.
private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var offset = 0
    var line = 1
    var lineStart = 0
    // Columns are counted lazily from the last measured offset, so long single-line files stay linear.
    var measuredOffset = 0
    var measuredColumn = 1

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func position() -> SourcePosition {
        if measuredOffset < lineStart {
            measuredOffset = lineStart
            measuredColumn = 1
        }
        while measuredOffset < offset {
            if bytes[measuredOffset] & 0xC0 != 0x80 { measuredColumn += 1 }
            measuredOffset += 1
        }
        return SourcePosition(line: line, column: measuredColumn)
    }

    mutating func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: position())
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        if offset == bytes.count { throw fail("the document is empty") }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if offset < bytes.count {
            throw fail("unexpected \(describeCurrent()) after the end of the JSON document")
        }
        return value
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
            default:
                return
            }
        }
    }

    mutating func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "/") { return "'/' (comments are not allowed in JSON)" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard offset < bytes.count else { throw fail("unexpected end of input, expected a value") }
        let start = position()
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            return JSONValue(.object(try parseObject(depth: depth + 1)), position: start)
        case UInt8(ascii: "["):
            return JSONValue(.array(try parseArray(depth: depth + 1)), position: start)
        case UInt8(ascii: "\""):
            return JSONValue(.string(try parseString()), position: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONValue(.bool(true), position: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONValue(.bool(false), position: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONValue(.null, position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), position: start)
        default:
            throw fail("unexpected \(describeCurrent()), expected a value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard offset + expected.count <= bytes.count,
            expected.elementsEqual(UnsafeBufferPointer(rebasing: bytes[offset..<offset + expected.count]))
        else { throw fail("invalid literal, expected '\(literal)'") }
        offset += expected.count
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        if depth > maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
        offset += 1  // {
        var members: [JSONObject.Member] = []
        var keys: Set<String> = []
        skipWhitespace()
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return JSONObject(members: members)
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw fail("unexpected \(describeCurrent()), expected a member name in double quotes")
            }
            let keyPosition = position()
            let key = try parseString()
            // A linear scan for the few keys most objects have; past that a set, so the check stays linear in the
            // number of keys instead of quadratic.
            let duplicate: Bool
            if members.count < JSONParser.keySetThreshold {
                duplicate = members.contains { $0.key == key }
            } else {
                if keys.isEmpty { keys = Set(members.map(\.key)) }
                duplicate = !keys.insert(key).inserted
            }
            if duplicate {
                throw JSONSyntaxError(message: "duplicate member name \"\(key)\"", position: keyPosition)
            }
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw fail("unexpected \(describeCurrent()), expected ':' after a member name")
            }
            offset += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONObject.Member(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard offset < bytes.count else { throw fail("unexpected end of input, expected ',' or '}'") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                skipWhitespace()
                if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") {
                    throw fail("trailing ',' before '}'")
                }
                continue
            }
            if bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                return JSONObject(members: members)
            }
            throw fail("unexpected \(describeCurrent()), expected ',' or '}'")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        if depth > maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
        offset += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard offset < bytes.count else { throw fail("unexpected end of input, expected ',' or ']'") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                skipWhitespace()
                if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") {
                    throw fail("trailing ',' before ']'")
                }
                continue
            }
            if bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                return elements
            }
            throw fail("unexpected \(describeCurrent()), expected ',' or ']'")
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = offset
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("invalid number: expected a digit") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count && isDigit(bytes[offset]) { throw fail("invalid number: leading zero") }
        } else {
            while offset < bytes.count && isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else {
                throw fail("invalid number: expected a digit after '.'")
            }
            while offset < bytes.count && isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            offset += 1
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) {
                offset += 1
            }
            guard offset < bytes.count, isDigit(bytes[offset]) else {
                throw fail("invalid number: expected a digit in the exponent")
            }
            while offset < bytes.count && isDigit(bytes[offset]) { offset += 1 }
        }
        return JSONNumber(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let opening = position()
        offset += 1  // opening quote
        let start = offset
        // Fast path: no escapes.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character 0x\(String(byte, radix: 16)) inside a string; escape it") }
            offset += 1
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < bytes.count else { break }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    offset -= 2
                    let escapeStart = position()
                    offset += 2
                    guard let scalar = try parseUnicodeEscape() else {
                        throw JSONSyntaxError(message: "unpaired UTF-16 surrogate in \\u escape", position: escapeStart)
                    }
                    scalars.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    offset -= 1
                    throw fail("invalid escape sequence '\\\(Character(Unicode.Scalar(escape)))'")
                }
            default:
                if byte < 0x20 {
                    throw fail("control character 0x\(String(byte, radix: 16)) inside a string; escape it")
                }
                scalars.append(byte)
                offset += 1
            }
        }
        throw JSONSyntaxError(message: "unterminated string", position: opening)
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("invalid hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// The scalar of a `\\u` escape (and its low surrogate), or `nil` for an unpaired surrogate.
    mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar? {
        let first = try parseHex4()
        if (0xD800...0xDBFF).contains(first) {
            guard offset + 2 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            else { return nil }
            offset += 2
            let second = try parseHex4()
            guard (0xDC00...0xDFFF).contains(second) else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        }
        return Unicode.Scalar(first)
    }
}
