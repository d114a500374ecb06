/// Swift spellings of Avro names.
enum SwiftNames {
    /// Words that need backticks to be used as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
        "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where",
        "while", "Any", "as", "await", "false", "is", "nil", "super", "throws", "true", "try", "some", "any",
        "package", "consume", "copy", "discard", "borrowing", "consuming", "nonisolated", "macro",
    ]

    /// Names that cannot be used even with backticks, or that would shadow what generated code refers to
    /// (`Swift.String`, `Avro.Schema`, `Foundation.UUID`): these get a trailing underscore.
    static let reserved: Set<String> = ["self", "Self", "Type", "Protocol", "Swift", "Avro", "Foundation"]

    /// `name` usable as a Swift identifier: reserved names get a trailing underscore, keywords backticks.
    static func identifier(_ name: String) -> String {
        if reserved.contains(name) { return name + "_" }
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// `name` usable as a type name (never needs backticks).
    static func typeName(_ name: String) -> String {
        reserved.contains(name) || keywords.contains(name) ? name + "_" : name
    }

    /// Whether `text` is a plain Swift identifier (ASCII letters, digits, underscores; not starting with a digit).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }

    /// `name` with its first letter uppercased (for nested type names).
    static func upperFirst(_ name: String) -> String {
        name.prefix(1).uppercased() + name.dropFirst()
    }

    /// `name` in lowerCamelCase, as the API Design Guidelines spell cases and the words of Avro names read:
    /// `IN_PROGRESS` → `inProgress`, `OrderPlaced` → `orderPlaced`, `HTTPError` → `httpError`, `v2_beta` →
    /// `v2Beta`. `nil` when the result is no identifier (`_1`, `__`).
    static func lowerCamelCase(_ name: String) -> String? {
        var result = ""
        for word in name.split(separator: "_") {
            let isShouting = word.uppercased() == word
            var part = isShouting ? word.lowercased() : String(word)
            if result.isEmpty {
                // A leading run of capitals is an acronym, except its last letter when a lowercase one follows.
                let characters = Array(part)
                let capitals = characters.prefix { $0.isUppercase }.count
                let lowered = capitals == characters.count || capitals <= 1 ? capitals : capitals - 1
                part =
                    characters.prefix(lowered).map { $0.lowercased() }.joined() + String(characters.dropFirst(lowered))
            } else {
                part = upperFirst(part)
            }
            result += part
        }
        guard let first = result.unicodeScalars.first, !("0"..."9").contains(first), isIdentifier(result) else {
            return nil
        }
        return result
    }

    /// The Swift case names of an enum's symbols (which are unique): in lowerCamelCase unless `keepSymbols`; a
    /// symbol whose lowerCamelCase is no identifier or collides keeps its spelling, and when even that collides,
    /// every symbol does. Keywords get backticks, reserved names an underscore.
    static func enumCases(_ symbols: [String], keepSymbols: Bool) -> [String] {
        guard !keepSymbols else { return symbols.map(identifier) }
        let camel = symbols.map { lowerCamelCase($0) ?? $0 }
        var uses: [String: Int] = [:]
        for name in camel { uses[name, default: 0] += 1 }
        let names = zip(symbols, camel).map { symbol, name in uses[name] == 1 ? name : symbol }
        return Set(names).count == names.count ? names.map(identifier) : symbols.map(identifier)
    }

    /// A dotted namespace as one PascalCase word: `com.acme.v1` → `ComAcmeV1`.
    static func pascalCase(namespace: String) -> String {
        namespace.split(separator: ".").map { upperFirst(String($0)) }.joined()
    }

    /// A Swift string literal of `text`.
    static func stringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A multi-line raw string literal holding `text` at `indent` (for embedded schemas; one line of JSON).
    static func multilineRawStringLiteral(_ text: String, indent: String) -> String {
        var hashes = "#"
        while containsDelimiter(text, hashes: hashes.count) { hashes += "#" }
        return "\(hashes)\"\"\"\n\(indent)\(text)\n\(indent)\"\"\"\(hashes)"
    }

    /// Whether `text` holds `"""` or `\` followed by `hashes` `#` (which would end or escape a raw literal).
    private static func containsDelimiter(_ text: String, hashes: Int) -> Bool {
        let bytes = Array(text.utf8)
        func hashesFollow(_ index: Int) -> Bool {
            index + hashes <= bytes.count && bytes[index..<index + hashes].allSatisfy { $0 == UInt8(ascii: "#") }
        }
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "\\"), hashesFollow(index + 1) { return true }
            if bytes[index] == UInt8(ascii: "\""), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\""),
                bytes[index + 2] == UInt8(ascii: "\""), hashesFollow(index + 3)
            {
                return true
            }
        }
        return false
    }

    /// Whether `text` contains `needle` (byte-wise, without Foundation's locale-aware search).
    static func contains(_ text: String, _ needle: String) -> Bool {
        let bytes = Array(text.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }

    /// A `///` doc comment of `text` at `indent`, one comment line per text line.
    static func docLines(_ text: String, indent: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            let line = $0.trimmingTrailingWhitespace()
            return line.isEmpty ? "\(indent)///" : "\(indent)/// \(line)"
        }
    }
}

extension Substring {
    fileprivate func trimmingTrailingWhitespace() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
