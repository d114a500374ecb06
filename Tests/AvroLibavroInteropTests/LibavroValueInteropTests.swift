import Avro
import AvroLibavro
import AvroTestSupport
import AvroTooling
import Testing

/// Apache Avro C (Debian's libavro) as the oracle: for every valid corpus schema and seeded random values,
/// swift-avro's bytes decode in libavro to the same value, and libavro's bytes (from values built through its
/// generic value API) decode in swift-avro to the same value, byte for byte the same encoding.
extension LibavroInteropTests {
    @Suite struct LibavroValueInteropTests {
        /// Valid schemas libavro 1.11 itself rejects, and why; the Python peers cover them.
        static let rejectedByLibavro: [String: String] = [
            // A simple name used inside a namespace falls back to the null namespace in Apache Avro Java (and the
            // spec's 1.12 reading); libavro only looks in the enclosing namespace.
            "linkedin__avro-util/parser/src/test/resources/schemas/TestRecordWithInternalNullNamespaceReference.avsc":
                "Unknown Avro \"type\": InnerRecord1",
            // A fixed default holding U+0000: jansson, libavro's JSON parser, refuses NUL in strings by default.
            "actgardner__gogen-avro/v10/test/default-fixed/schema.avsc": "\\u0000 is not allowed",
        ]

        @Test(arguments: CorpusEntry.valid)
        func valuesRoundTripBothWays(entry: CorpusEntry) throws {
            let schema = try entry.schema()
            let peer: LibavroSchema
            do {
                peer = try LibavroSchema(schema)
                #expect(Self.rejectedByLibavro[entry.file] == nil, "libavro now accepts \(entry.file)")
            } catch {
                let reason = try #require(Self.rejectedByLibavro[entry.file], "libavro rejects \(entry.file): \(error)")
                #expect("\(error)".contains(reason))
                return
            }
            let codec = AvroGenericCodec(schema: schema)
            var generator = SeededRandom(seed: 2024)
            for _ in 0..<25 {
                let value = try AvroValue.random(for: schema, using: &generator)
                let ours = try codec.encode(value)
                #expect(try peer.decode(ours) == value)
                let theirs = try peer.encode(value)
                #expect(theirs == ours)
                #expect(try codec.decode(theirs) == value)
            }
        }
    }
}
