/// An error in a configuration file that says where it is; each tool's configuration has its own error type.
package protocol LocatedConfigurationError: Error {
    /// Creates the error for `message` at `location`.
    init(message: String, location: SourceLocation)
}

/// A JSON configuration file being read (`swift-avro.json`, `.swift-avro-lint.json`): its top-level members, and
/// the readers of setting values whose errors say the file, line, column and path of the value at fault.
package struct ConfigurationFile<Failure: LocatedConfigurationError> {
    /// The file name, as errors show it.
    package let file: String
    /// The members of the top-level object, in file order.
    package let members: [JSONObject.Member]

    /// Parses `bytes`; invalid JSON or a top-level value that is no object is an error.
    package init(json bytes: [UInt8], file: String) throws(Failure) {
        self.file = file
        let root: JSONValue
        do {
            root = try JSONParser().parse(bytes: bytes)
        } catch {
            throw Failure(
                message: error.message, location: SourceLocation(file: file, position: error.position, path: .root))
        }
        guard let object = root.objectValue else {
            throw Failure(
                message: "the configuration must be an object",
                location: SourceLocation(file: file, position: root.position, path: .root))
        }
        members = object.members
    }

    /// The error `message` about `value` at `path`.
    package func fail(_ message: String, _ value: JSONValue, _ path: JSONPath) -> Failure {
        Failure(message: message, location: SourceLocation(file: file, position: value.position, path: path))
    }

    /// The error `message` about the key of `member` (an unknown setting), at `path`.
    package func fail(_ message: String, key member: JSONObject.Member, _ path: JSONPath) -> Failure {
        Failure(message: message, location: SourceLocation(file: file, position: member.keyPosition, path: path))
    }

    /// `value` as a string.
    package func string(_ value: JSONValue, _ path: JSONPath) throws(Failure) -> String {
        guard let text = value.stringValue else { throw fail("expected a string", value, path) }
        return text
    }

    /// `value` as an array of strings.
    package func strings(_ value: JSONValue, _ path: JSONPath) throws(Failure) -> [String] {
        guard let array = value.arrayValue else { throw fail("expected an array of strings", value, path) }
        var result: [String] = []
        for (index, element) in array.enumerated() {
            result.append(try string(element, path.appending(index)))
        }
        return result
    }

    /// `value` as an object.
    package func object(_ value: JSONValue, _ path: JSONPath) throws(Failure) -> JSONObject {
        guard let object = value.objectValue else { throw fail("expected an object", value, path) }
        return object
    }

    /// `value` as a boolean.
    package func flag(_ value: JSONValue, _ path: JSONPath) throws(Failure) -> Bool {
        guard case .bool(let flag) = value.kind else { throw fail("expected true or false", value, path) }
        return flag
    }

    /// `value` as a positive integer; `message` says what was expected otherwise.
    package func positiveInteger(
        _ value: JSONValue, _ path: JSONPath, otherwise message: String = "expected a positive integer"
    ) throws(Failure) -> Int {
        guard let number = value.numberValue?.int64Value, number > 0 else { throw fail(message, value, path) }
        return Int(number)
    }
}
