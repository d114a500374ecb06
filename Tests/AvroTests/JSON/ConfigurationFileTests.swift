import Avro
import Testing

/// The shared reader of configuration files: the root object, typed settings, and errors that say where.
@Suite struct ConfigurationFileTests {
    struct Failure: LocatedConfigurationError {
        var message: String
        var location: Avro.SourceLocation
    }

    func read(_ text: String) throws(Failure) -> ConfigurationFile<Failure> {
        try ConfigurationFile<Failure>(json: Array(text.utf8), file: "c.json")
    }

    @Test func theRootMustBeAnObject() throws {
        #expect(try read(#"{"a": 1, "b": true}"#).members.map(\.key) == ["a", "b"])
        #expect(throws: Failure.self) { try read("[1]") }
        do {
            _ = try read("[1]")
        } catch {
            #expect(error.message == "the configuration must be an object")
            #expect(error.location.description == "c.json:1:1")
        }
        do {
            _ = try read(#"{"a": }"#)
            Issue.record("invalid JSON was read")
        } catch {
            #expect(error.location.path == .root)
        }
    }

    @Test func settingsAreReadOrFailWithTheirLocation() throws {
        let file = try read(
            #"{"name": "x", "names": ["a", 2], "flag": true, "count": 0, "group": {"k": "v"}}"#)
        let value = { (key: String) in file.members.first { $0.key == key }!.value }
        #expect(try file.string(value("name"), .root) == "x")
        #expect(try file.flag(value("flag"), .root))
        #expect(try file.object(value("group"), .root)["k"]?.stringValue == "v")
        #expect(throws: Failure.self) { try file.flag(value("name"), .root) }
        do {
            _ = try file.strings(value("names"), JSONPath.root.appending("names"))
            Issue.record("a number was read as a string")
        } catch {
            #expect(error.message == "expected a string")
            #expect(error.location.path == JSONPath.root.appending("names").appending(1))
        }
        do {
            _ = try file.positiveInteger(value("count"), .root, otherwise: "count must be positive")
            Issue.record("0 was read as a positive integer")
        } catch {
            #expect(error.message == "count must be positive")
            #expect(error.location.position.column == 57)
        }
    }
}
