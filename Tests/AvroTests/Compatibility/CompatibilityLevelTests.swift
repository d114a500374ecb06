import Testing

@testable import Avro

/// Confluent Schema Registry's levels, with the evolutions of its `AvroCompatibilityTest` restated.
@Suite struct CompatibilityLevelTests {
    static let v1 = #"{"type": "record", "name": "myrecord", "fields": [{"name": "f1", "type": "string"}]}"#
    static let v2AddDefaulted =
        #"{"type": "record", "name": "myrecord", "fields": [{"name": "f1", "type": "string"}, {"name": "f2", "type": "string", "default": "foo"}]}"#
    static let v3AddRequired =
        #"{"type": "record", "name": "myrecord", "fields": [{"name": "f1", "type": "string"}, {"name": "f2", "type": "string"}]}"#
    static let v4Renamed =
        #"{"type": "record", "name": "myrecord", "fields": [{"name": "f1_new", "type": "string", "aliases": ["f1"]}]}"#
    static let v6Nullable =
        #"{"type": "record", "name": "myrecord", "fields": [{"name": "f1", "type": ["null", "string"], "default": null}]}"#
    static let v7Enum = #"{"type": "enum", "name": "myenum", "symbols": ["A", "B"]}"#
    static let v7EnumMore = #"{"type": "enum", "name": "myenum", "symbols": ["A", "B", "C"]}"#
    static let v8TwoDefaulted =
        #"{"type": "record", "name": "myrecord", "fields": [{"name": "f1", "type": "string"}, {"name": "f2", "type": "string", "default": "foo"}, {"name": "f3", "type": "string", "default": "bar"}]}"#
    static let renamedType = #"{"type": "record", "name": "other", "fields": [{"name": "f1", "type": "string"}]}"#

    struct Case: Sendable, CustomTestStringConvertible {
        var level: CompatibilityLevel
        var new: String
        var previous: [String]
        var compatible: Bool
        var testDescription: String { "\(level.rawValue) \(compatible ? "accepts" : "rejects")" }
    }

    static let cases: [Case] = [
        Case(level: .backward, new: v2AddDefaulted, previous: [v1], compatible: true),
        Case(level: .backward, new: v3AddRequired, previous: [v1], compatible: false),
        Case(level: .backward, new: v4Renamed, previous: [v1], compatible: true),
        Case(level: .backward, new: v6Nullable, previous: [v1], compatible: true),
        Case(level: .backward, new: v1, previous: [v6Nullable], compatible: false),
        Case(level: .backward, new: v7EnumMore, previous: [v7Enum], compatible: true),
        Case(level: .backward, new: v7Enum, previous: [v7EnumMore], compatible: false),
        Case(level: .backward, new: renamedType, previous: [v1], compatible: false),
        Case(level: .backward, new: v1, previous: [v2AddDefaulted], compatible: true),
        Case(level: .forward, new: v2AddDefaulted, previous: [v1], compatible: true),
        Case(level: .forward, new: v1, previous: [v2AddDefaulted], compatible: true),
        Case(level: .forward, new: v1, previous: [v3AddRequired], compatible: false),
        Case(level: .forward, new: v7Enum, previous: [v7EnumMore], compatible: true),
        Case(level: .forward, new: v7EnumMore, previous: [v7Enum], compatible: false),
        Case(level: .full, new: v2AddDefaulted, previous: [v1], compatible: true),
        Case(level: .full, new: v3AddRequired, previous: [v1], compatible: false),
        Case(level: .full, new: v6Nullable, previous: [v1], compatible: false),
        Case(level: .full, new: v8TwoDefaulted, previous: [v2AddDefaulted], compatible: true),
        // Transitive levels check every earlier version, not only the latest.
        Case(level: .backward, new: v3AddRequired, previous: [v1, v2AddDefaulted], compatible: true),
        Case(level: .backwardTransitive, new: v3AddRequired, previous: [v1, v2AddDefaulted], compatible: false),
        Case(level: .forward, new: v1, previous: [v3AddRequired, v2AddDefaulted], compatible: true),
        Case(level: .forwardTransitive, new: v1, previous: [v3AddRequired, v2AddDefaulted], compatible: false),
        Case(level: .full, new: v1, previous: [v3AddRequired, v2AddDefaulted], compatible: true),
        Case(level: .fullTransitive, new: v1, previous: [v3AddRequired, v2AddDefaulted], compatible: false),
        Case(level: .none, new: renamedType, previous: [v1], compatible: true),
        Case(level: .backwardTransitive, new: v1, previous: [], compatible: true),
    ]

    @Test(arguments: cases)
    func checksEachLevel(testCase: Case) throws {
        let findings = testCase.level.check(
            try parse(testCase.new), against: try testCase.previous.map { try parse($0) })
        #expect(findings.isEmpty == testCase.compatible, "\(findings.map(\.incompatibility))")
    }

    @Test func findingsSayWhichVersionAndDirection() throws {
        let findings = CompatibilityLevel.fullTransitive.check(
            try parse(Self.v1), against: [try parse(Self.v3AddRequired), try parse(Self.v2AddDefaulted)])
        #expect(findings.count == 1)
        #expect(findings.first?.version == 0)
        #expect(findings.first?.newIsReader == false)
        #expect(findings.first?.incompatibility.kind == .readerFieldMissingDefaultValue)
    }
}
