import Testing

@testable import Avro

/// The Parsing Canonical Form vectors of Apache Avro's `share/test/data/schema-tests.txt`, restated.
@Suite struct CanonicalFormTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var input: String
        var canonical: String
        /// The signed 64-bit fingerprint as Java prints it, where the vector gives one.
        var fingerprint: Int64?
        var testDescription: String { input }
    }

    static let vectors: [Vector] = [
        Vector(input: #""null""#, canonical: #""null""#, fingerprint: 7_195_948_357_588_979_594),
        Vector(input: #"{"type":"null"}"#, canonical: #""null""#),
        Vector(input: #""boolean""#, canonical: #""boolean""#, fingerprint: -6_970_731_678_124_411_036),
        Vector(input: #"{"type":"boolean"}"#, canonical: #""boolean""#),
        Vector(input: #""int""#, canonical: #""int""#, fingerprint: 8_247_732_601_305_521_295),
        Vector(input: #"{"type":"int"}"#, canonical: #""int""#),
        Vector(input: #""long""#, canonical: #""long""#, fingerprint: -3_434_872_931_120_570_953),
        Vector(input: #"{"type":"long"}"#, canonical: #""long""#),
        Vector(input: #""float""#, canonical: #""float""#, fingerprint: 5_583_340_709_985_441_680),
        Vector(input: #"{"type":"float"}"#, canonical: #""float""#),
        Vector(input: #""double""#, canonical: #""double""#, fingerprint: -8_181_574_048_448_539_266),
        Vector(input: #"{"type":"double"}"#, canonical: #""double""#),
        Vector(input: #""bytes""#, canonical: #""bytes""#, fingerprint: 5_746_618_253_357_095_269),
        Vector(input: #"{"type":"bytes"}"#, canonical: #""bytes""#),
        Vector(input: #""string""#, canonical: #""string""#, fingerprint: -8_142_146_995_180_207_161),
        Vector(input: #"{"type":"string"}"#, canonical: #""string""#),
        Vector(input: "[  ]", canonical: "[]", fingerprint: -1_241_056_759_729_112_623),
        Vector(input: #"[ "int"  ]"#, canonical: #"["int"]"#, fingerprint: -5_232_228_896_498_058_493),
        Vector(
            input: #"[ "int" , {"type":"boolean"} ]"#, canonical: #"["int","boolean"]"#,
            fingerprint: 5_392_556_393_470_105_090),
        Vector(
            input: #"{"fields":[], "type":"record", "name":"foo"}"#,
            canonical: #"{"name":"foo","type":"record","fields":[]}"#, fingerprint: -4_824_392_279_771_201_922),
        Vector(
            input: #"{"fields":[], "type":"record", "name":"foo", "namespace":"x.y"}"#,
            canonical: #"{"name":"x.y.foo","type":"record","fields":[]}"#, fingerprint: 5_916_914_534_497_305_771),
        Vector(
            input: #"{"fields":[], "type":"record", "name":"a.b.foo", "namespace":"x.y"}"#,
            canonical: #"{"name":"a.b.foo","type":"record","fields":[]}"#, fingerprint: -4_616_218_487_480_524_110),
        Vector(
            input: #"{"fields":[], "type":"record", "name":"foo", "doc":"Useful info"}"#,
            canonical: #"{"name":"foo","type":"record","fields":[]}"#, fingerprint: -4_824_392_279_771_201_922),
        Vector(
            input: #"{"fields":[], "type":"record", "name":"foo", "aliases":["foo","bar"]}"#,
            canonical: #"{"name":"foo","type":"record","fields":[]}"#, fingerprint: -4_824_392_279_771_201_922),
        Vector(
            input: #"{"fields":[], "type":"record", "name":"foo", "doc":"foo", "aliases":["foo","bar"]}"#,
            canonical: #"{"name":"foo","type":"record","fields":[]}"#, fingerprint: -4_824_392_279_771_201_922),
        Vector(
            input: #"{"fields":[{"type":{"type":"boolean"}, "name":"f1"}], "type":"record", "name":"foo"}"#,
            canonical: #"{"name":"foo","type":"record","fields":[{"name":"f1","type":"boolean"}]}"#,
            fingerprint: 7_843_277_075_252_814_651),
        // Upstream vector 026 gives the boolean field the default "true" (a string), which the specification
        // does not allow and fastavro rejects; restated with the boolean `true`. See `rejectsUpstreamVector026`.
        Vector(
            input: """
                { "fields":[{"type":"boolean", "aliases":[], "name":"f1", "default":true},
                            {"order":"descending","name":"f2","doc":"Hello","type":"int"}],
                  "type":"record", "name":"foo"
                }
                """,
            canonical:
                #"{"name":"foo","type":"record","fields":[{"name":"f1","type":"boolean"},{"name":"f2","type":"int"}]}"#,
            fingerprint: -4_860_222_112_080_293_046),
        Vector(
            input: #"{"type":"enum", "name":"foo", "symbols":["A1"]}"#,
            canonical: #"{"name":"foo","type":"enum","symbols":["A1"]}"#, fingerprint: -6_342_190_197_741_309_591),
        Vector(
            input: #"{"namespace":"x.y.z", "type":"enum", "name":"foo", "doc":"foo bar", "symbols":["A1", "A2"]}"#,
            canonical: #"{"name":"x.y.z.foo","type":"enum","symbols":["A1","A2"]}"#,
            fingerprint: -4_448_647_247_586_288_245),
        Vector(
            input: #"{"name":"foo","type":"fixed","size":15}"#, canonical: #"{"name":"foo","type":"fixed","size":15}"#,
            fingerprint: 1_756_455_273_707_447_556),
        Vector(
            input: #"{"namespace":"x.y.z", "type":"fixed", "name":"foo", "doc":"foo bar", "size":32}"#,
            canonical: #"{"name":"x.y.z.foo","type":"fixed","size":32}"#, fingerprint: -3_064_184_465_700_546_786),
        Vector(
            input: #"{ "items":{"type":"null"}, "type":"array"}"#, canonical: #"{"type":"array","items":"null"}"#,
            fingerprint: -589_620_603_366_471_059),
        Vector(
            input: #"{ "values":"string", "type":"map"}"#, canonical: #"{"type":"map","values":"string"}"#,
            fingerprint: -8_732_877_298_790_414_990),
        Vector(
            input: """
                  {"name":"PigValue","type":"record",
                   "fields":[{"name":"value", "type":["null", "int", "long", "PigValue"]}]}
                """,
            canonical:
                #"{"name":"PigValue","type":"record","fields":[{"name":"value","type":["null","int","long","PigValue"]}]}"#,
            fingerprint: -1_759_257_747_318_642_341),
    ]

    @Test(arguments: vectors)
    func matchesTheApacheVectors(vector: Vector) throws {
        let schema = try parse(vector.input)
        #expect(schema.canonicalForm == vector.canonical)
        if let fingerprint = vector.fingerprint {
            #expect(Int64(bitPattern: schema.rabinFingerprint) == fingerprint)
        }
    }

    @Test func rejectsUpstreamVector026() {
        let error = parseError(
            #"{"fields":[{"type":"boolean", "name":"f1", "default":"true"}], "type":"record", "name":"foo"}"#)
        #expect(error?.rule == .invalidDefault)
    }

    @Test func dropsLogicalTypesAndPropertiesAndEscapesStrings() throws {
        let schema = try parse(
            #"{"type": "record", "name": "R", "namespace": "n", "x": 1, "fields": [{"name": "t", "type": {"type": "long", "logicalType": "timestamp-millis"}}, {"name": "d", "type": {"type": "fixed", "name": "D", "size": 4, "logicalType": "decimal", "precision": 9}}, {"name": "d2", "type": "D"}]}"#
        )
        #expect(
            schema.canonicalForm
                == #"{"name":"n.R","type":"record","fields":[{"name":"t","type":"long"},{"name":"d","type":{"name":"n.D","type":"fixed","size":4}},{"name":"d2","type":"n.D"}]}"#
        )
    }

    @Test func writesErrorTypesAsRecords() throws {
        #expect(
            try parse(#"{"type": "error", "name": "E", "fields": []}"#).canonicalForm
                == #"{"name":"E","type":"record","fields":[]}"#)
    }
}
