import Testing

@testable import Avro

/// Duplicate keys are found in objects of any size (issue 12: objects past a few keys use a set, not a scan).
@Suite struct JSONObjectKeysTests {
    let parser = JSONParser()

    static func object(keys: [String]) -> String {
        "{" + keys.map { "\"\($0)\": 1" }.joined(separator: ",\n") + "}"
    }

    @Test(arguments: [
        2, JSONParser.keySetThreshold - 1, JSONParser.keySetThreshold, JSONParser.keySetThreshold + 1, 5_000,
    ])
    func manyDistinctKeysParseInOrder(count: Int) throws {
        let keys = (0..<count).map { "k\($0)" }
        let object = try #require(try parser.parse(Self.object(keys: keys)).objectValue)
        #expect(object.keys == keys)
    }

    @Test(arguments: [
        (2, 0), (20, 3), (20, 19), (JSONParser.keySetThreshold + 1, 0), (5_000, 0), (5_000, 4_999), (5_000, 2_500),
    ])
    func aDuplicateAnywhereIsFound(count: Int, repeated: Int) throws {
        // The last key repeats key `repeated`: before, at or after the switch to a set.
        let keys = (0..<count).map { "k\($0)" } + ["k\(repeated)"]
        let error = #expect(throws: JSONSyntaxError.self) { try parser.parse(Self.object(keys: keys)) }
        #expect(error?.message == "duplicate member name \"k\(repeated)\"")
        #expect(error?.position.line == count + 1)
    }

    @Test func aDuplicateOfAKeySeenBeforeTheSetExistedIsFound() throws {
        // Key 0 comes back right after the threshold: the set must hold the keys scanned before it was built.
        let count = JSONParser.keySetThreshold
        let keys = (0..<count).map { "k\($0)" } + ["k\(count)", "k0"]
        #expect(throws: JSONSyntaxError.self) { try parser.parse(Self.object(keys: keys)) }
    }
}
