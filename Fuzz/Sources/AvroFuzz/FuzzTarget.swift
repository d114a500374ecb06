import Avro
import AvroContainer

/// One fuzz input: the first byte picks what to exercise, the rest is the untrusted input. Any crash, hang or
/// runaway allocation is a finding; decoded values must also survive an encode/decode round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    // 0xF0 and up: generated models (the torture schemas, generated into Generated/ by scripts/fuzz).
    if selector >= 0xF0 {
        fuzzGeneratedModels(selector, input)
        return 0
    }
    switch selector % 9 {
    case 0:
        _ = try? SchemaSet(sources: [("fuzz.avsc", input)])
    case 1:
        _ = try? AvroJSONEncoding.decode(String(decoding: input, as: UTF8.self), schema: FuzzSchemas.schemas[1])
    case 2:
        if var reader = try? AvroContainerReader(bytes: input, limits: FuzzSchemas.limits) {
            while (try? reader.next()) != nil {}
        }
    case 3:
        _ = try? FuzzSchemas.resolving.decode(input)
    default:
        let codec = FuzzSchemas.codecs[selector % FuzzSchemas.codecs.count]
        guard let value = try? codec.decode(input) else { return 0 }
        let encoded = try! codec.encode(value)
        precondition(try! codec.decode(encoded) == value, "decode → encode → decode changed the value")
        _ = try! AvroJSONEncoding.encode(value, schema: codec.schema)
    }
    return 0
}

/// A generated model decodes untrusted bytes; whatever it accepts must encode, and decode again to the same bytes.
func fuzzGeneratedModels(_ selector: Int, _ input: [UInt8]) {
    func check<Model: AvroModel>(_: Model.Type) {
        guard let model = try? Model(avroEncoded: input, limits: FuzzSchemas.limits) else { return }
        let encoded = try! model.avroEncoded()
        precondition(try! Model(avroEncoded: encoded).avroEncoded() == encoded, "generated model round trip")
    }
    switch selector % 7 {
    case 6: check(TortureVacant.self)
    case 0: check(TortureForest.self)
    case 1: check(TortureUnions.self)
    case 2: check(TortureLogical.self)
    case 3: check(TortureDeep.self)
    case 4: check(TortureAccount.self)
    default: check(TortureString.self)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// SwiftPM links an executable's entry point as `<Target>_main`; hand control to libFuzzer's driver from there.
@_cdecl("AvroFuzz_main")
func fuzzerEntryPoint(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv) { data, size in fuzz(data, size) }
}
