/// Line layout of generated code, matching what `swift format` (120 columns) produces, so that the output is
/// `swift format` clean without running it.
enum Layout {
    static let width = 120

    /// `target = expression` at `indent` levels: broken after `=` when the first line would be too long, and a
    /// `cond ? nil : value` that still does not fit broken before `?`.
    static func assignment(_ target: String, _ expression: [String], indent levels: Int) -> [String] {
        let prefix = String(repeating: "    ", count: levels)
        let first = prefix + target + " = " + expression[0]
        if first.utf8.count <= width { return [first] + indented(Array(expression.dropFirst()), by: levels) }
        let continuation = prefix + "    "
        if expression.count == 1, (continuation + expression[0]).utf8.count > width,
            let question = expression[0].range(of: " ? nil : ")
        {
            return [
                prefix + target + " =", continuation + expression[0][..<question.lowerBound],
                continuation + "? nil : " + expression[0][question.upperBound...],
            ]
        }
        return [prefix + target + " ="] + indented(expression, by: levels + 1)
    }

    /// A parameter line (`name: Type = default,` at `indent`), with a default that ends in a long collection
    /// literal broken inside the literal: its elements on one line if they fit, else one per line, with a
    /// trailing comma.
    static func parameter(_ text: String, indent: String, trailing: String) -> [String] {
        let line = indent + text + trailing
        // Only the default (after ` = `) is broken, never the type.
        guard line.utf8.count > width, let equals = text.range(of: " = "),
            let (open, close) = outerCollection(in: text[equals.upperBound...])
        else { return [line] }
        // The layout below is `swift format`'s only when the literal is the last argument.
        guard text[text.index(after: close)...].allSatisfy({ $0 == ")" || $0 == "]" || $0 == "!" }) else {
            return [line]
        }
        let elements = topLevelElements(String(text[text.index(after: open)..<close]))
        let head = indent + text[...open]
        let tail = indent + text[close...] + trailing
        let inner = indent + "    "
        let joined = inner + elements.joined(separator: ", ") + ","
        if joined.utf8.count <= width { return [head, joined, tail] }
        return [head] + elements.map { inner + $0 + "," } + [tail]
    }

    /// Lines as `swift format` wraps them: a trailing closure whose head passes 120 columns gets its signature on the
    /// next line.
    static func wrappingLongClosureHeads(_ lines: [String]) -> [String] {
        var result: [String] = []
        for line in lines {
            guard line.utf8.count > width, line.hasSuffix(" in"),
                let brace = line.range(of: " { (", options: .backwards)
            else {
                result.append(line)
                continue
            }
            let indent = String(line.prefix { $0 == " " })
            result.append(String(line[..<brace.lowerBound]) + " {")
            result.append(indent + "    " + String(line[line.index(brace.upperBound, offsetBy: -1)...]))
        }
        return result
    }

    /// The first `[` outside strings and its matching `]`.
    private static func outerCollection(in text: Substring) -> (String.Index, String.Index)? {
        var depth = 0
        var open: String.Index?
        var inString = false
        var escaped = false
        for index in text.indices {
            let character = text[index]
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
                continue
            }
            switch character {
            case "\"": inString = true
            case "[":
                if open == nil { open = index }
                depth += 1
            case "]":
                depth -= 1
                if depth == 0, let open { return (open, index) }
            default: break
            }
        }
        return nil
    }

    /// The comma-separated elements of a collection literal's inside, split at its top level.
    private static func topLevelElements(_ text: String) -> [String] {
        var elements: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
                current.append(character)
                continue
            }
            switch character {
            case "\"": inString = true
            case "[", "(": depth += 1
            case "]", ")": depth -= 1
            case "," where depth == 0:
                elements.append(current.trimmingSpaces())
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        if !current.trimmingSpaces().isEmpty { elements.append(current.trimmingSpaces()) }
        return elements
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
