import AvroTooling
import Testing

@testable import Avro

/// Transcoding (writer bytes → the reader schema's bytes, no generic values) agrees with resolving into generic
/// values: for random evolutions and random data, the reader decodes the transcoded bytes to exactly the value
/// the resolving decode builds, and both fail on the same datums.
@Suite struct TranscodeTests {
    @Test func agreesWithGenericResolution() throws {
        var generator = SeededRandom(seed: 11)
        var compared = 0
        for _ in 0..<300 {
            let writerFields = (0..<Int.random(in: 1...4, using: &generator)).map {
                index -> (name: String, type: String, defaultValue: String?) in
                let name = "f\(index)"
                return (name, CompatibilityPropertyTests.types(name).randomElement(using: &generator)!.type, nil)
            }
            var readerFields: [(name: String, type: String, defaultValue: String?)] = []
            for field in writerFields.shuffled(using: &generator) {
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: continue
                case 1, 2:
                    let replacement = CompatibilityPropertyTests.types(field.name).randomElement(using: &generator)!
                    readerFields.append((field.name, replacement.type, replacement.defaultValue))
                default: readerFields.append(field)
                }
            }
            let name = "n\(readerFields.count)"
            let added = CompatibilityPropertyTests.types(name).randomElement(using: &generator)!
            readerFields.insert((name, added.type, added.defaultValue), at: 0)
            let writer = try parse(CompatibilityPropertyTests.record(writerFields))
            let reader = try parse(CompatibilityPropertyTests.record(readerFields))
            guard let plan = try? ResolutionCompiler.compile(writer: writer, reader: reader) else { continue }
            let writerCodec = AvroGenericCodec(schema: writer)
            let readerCodec = AvroGenericCodec(schema: reader)
            for _ in 0..<30 {
                let bytes = try writerCodec.encode(AvroValue.random(for: writer, using: &generator))
                let resolved = try? AvroBinaryReader.withReader(bytes) { reader throws(AvroCodingError) in
                    try plan.decode(from: &reader)
                }
                var output = AvroBinaryWriter()
                let transcoded = try? AvroBinaryReader.withReader(bytes) { reader throws(AvroCodingError) in
                    try plan.transcode(from: &reader, to: &output)
                    return output.bytes
                }
                #expect((resolved == nil) == (transcoded == nil))
                if let resolved, let transcoded {
                    #expect(try readerCodec.decode(transcoded) == resolved)
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test func reordersFieldsAndFillsDefaults() throws {
        let writer = try parse(
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "string"}, {"name": "gone", "type": "long"}]}"#
        )
        let reader = try parse(
            #"{"type": "record", "name": "R", "fields": [{"name": "b", "type": "string"}, {"name": "new", "type": {"type": "array", "items": "int"}, "default": [7, 8]}, {"name": "a", "type": "long"}]}"#
        )
        let plan = try ResolutionCompiler.compile(writer: writer, reader: reader)
        let bytes = try AvroGenericCodec(schema: writer).encode(.record([.int(-2), .string("hé"), .long(99)]))
        var output = AvroBinaryWriter()
        try AvroBinaryReader.withReader(bytes) { reader throws(AvroCodingError) in
            try plan.transcode(from: &reader, to: &output)
        }
        #expect(
            try AvroGenericCodec(schema: reader).decode(output.bytes)
                == .record([.string("hé"), .array([.int(7), .int(8)]), .long(-2)]))
    }
}
