import AvroTooling
import Testing

@testable import Avro

/// For random schema evolutions, the checker's verdict agrees with actually resolving random data: a pair it
/// calls compatible reads every datum, and a pair it calls incompatible fails to compile or fails on some datum.
@Suite struct CompatibilityPropertyTests {
    /// Field types (by field name, so named types keep one definition per field) and a valid default for each.
    static func types(_ field: String) -> [(type: String, defaultValue: String)] {
        [
            (#""int""#, "1"), (#""long""#, "2"), (#""float""#, "1.5"), (#""double""#, "2.5"), (#""string""#, #""s""#),
            (#""bytes""#, #""b""#), (#"["null", "string"]"#, "null"), (#"["null", "int"]"#, "null"),
            (#"["string", "null"]"#, #""x""#), (#"["int", "string"]"#, "3"),
            (#"{"type": "enum", "name": "E_\#(field)", "symbols": ["A", "B", "C"]}"#, #""A""#),
            (#"{"type": "enum", "name": "E_\#(field)", "symbols": ["A", "B"]}"#, #""B""#),
            (#"{"type": "enum", "name": "E_\#(field)", "symbols": ["A", "B"], "default": "A"}"#, #""A""#),
            (#"{"type": "array", "items": "int"}"#, "[]"), (#"{"type": "array", "items": "long"}"#, "[1]"),
            (#"{"type": "map", "values": "string"}"#, "{}"), (#"{"type": "map", "values": ["null", "int"]}"#, "{}"),
            (#"{"type": "fixed", "name": "F_\#(field)", "size": 4}"#, #""abcd""#),
            (#"{"type": "fixed", "name": "F_\#(field)", "size": 2}"#, #""ab""#),
            (#"{"type": "record", "name": "R_\#(field)", "fields": [{"name": "x", "type": "int"}]}"#, #"{"x": 1}"#),
            (
                #"{"type": "record", "name": "R_\#(field)", "fields": [{"name": "x", "type": "long"}, {"name": "y", "type": "string", "default": ""}]}"#,
                #"{"x": 1}"#
            ),
        ]
    }

    static func record(_ fields: [(name: String, type: String, defaultValue: String?)]) -> String {
        let rendered = fields.map { field in
            #"{"name": "\#(field.name)", "type": \#(field.type)"#
                + (field.defaultValue.map { #", "default": \#($0)"# } ?? "") + "}"
        }
        return #"{"type": "record", "name": "Event", "fields": [\#(rendered.joined(separator: ", "))]}"#
    }

    @Test func verdictsMatchResolution() throws {
        var generator = SeededRandom(seed: 7)
        var compatibleCount = 0
        var incompatibleCount = 0
        for _ in 0..<400 {
            let writerFields = (0..<Int.random(in: 1...4, using: &generator)).map {
                index -> (name: String, type: String, defaultValue: String?) in
                let name = "f\(index)"
                return (name, Self.types(name).randomElement(using: &generator)!.type, nil)
            }
            var readerFields: [(name: String, type: String, defaultValue: String?)] = []
            for field in writerFields {
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: continue  // dropped
                case 1, 2:
                    let replacement = Self.types(field.name).randomElement(using: &generator)!
                    readerFields.append(
                        (field.name, replacement.type, Bool.random(using: &generator) ? replacement.defaultValue : nil))
                default: readerFields.append(field)
                }
            }
            if Bool.random(using: &generator) {
                let name = "n\(readerFields.count)"
                let added = Self.types(name).randomElement(using: &generator)!
                readerFields.append((name, added.type, Bool.random(using: &generator) ? added.defaultValue : nil))
            }
            let writer = try parse(Self.record(writerFields))
            let reader = try parse(Self.record(readerFields))
            let compatible = SchemaCompatibility.incompatibilities(reader: reader, writer: writer).isEmpty
            var resolved = true
            do {
                let codec = try AvroGenericCodec(writer: writer, reader: reader)
                let writerCodec = AvroGenericCodec(schema: writer)
                for _ in 0..<80 {
                    let bytes = try writerCodec.encode(AvroValue.random(for: writer, using: &generator))
                    if (try? codec.decode(bytes)) == nil { resolved = false }
                }
            } catch {
                resolved = false
            }
            #expect(compatible == resolved, "reader \(Self.record(readerFields)) writer \(Self.record(writerFields))")
            if compatible { compatibleCount += 1 } else { incompatibleCount += 1 }
        }
        // Both verdicts are well represented, so the agreement means something.
        #expect(compatibleCount > 50 && incompatibleCount > 50)
    }
}
