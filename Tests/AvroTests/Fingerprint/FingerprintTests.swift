import Testing

@testable import Avro

@Suite struct FingerprintTests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test func rabinOfIntIsLittleEndianAsSingleObjectEncodingWritesIt() throws {
        #expect(hex(try parse(#""int""#).fingerprint(.rabin)) == "8f5c393f1ad57572")
    }

    @Test func rabinOfNothingIsTheEmptyFingerprint() {
        #expect(Rabin.fingerprint([UInt8]()) == Rabin.empty)
    }

    @Test func md5AndSHA256HashTheCanonicalForm() throws {
        // Digests of the text `"int"` (5 bytes, with quotes), computed independently with coreutils.
        let schema = try parse(#"{"type": "int"}"#)
        #expect(hex(schema.fingerprint(.md5)) == "ef524ea1b91e73173d938ade36c1db32")
        #expect(hex(schema.fingerprint(.sha256)) == "3f2b87a9fe7cc9b13835598c3981cd45e3e355309e5090aa0933d7becb6fba45")
    }
}
