import Testing

@testable import Avro

@Suite struct FingerprintTests {
    @Test func rabinOfIntIsLittleEndianAsSingleObjectEncodingWritesIt() throws {
        #expect(Hex.string(try parse(#""int""#).fingerprint(.rabin)) == "8f5c393f1ad57572")
    }

    @Test func hexRoundTrips() {
        #expect(Hex.string([0x00, 0x0F, 0xAB, 0xFF]) == "000fabff")
        #expect(Hex.bytes("000FabfF") == [0x00, 0x0F, 0xAB, 0xFF])
        #expect(Hex.bytes("abc") == nil)
        #expect(Hex.bytes("zz") == nil)
    }

    @Test func rabinOfNothingIsTheEmptyFingerprint() {
        #expect(Rabin.fingerprint([UInt8]()) == Rabin.empty)
    }

    @Test func md5AndSHA256HashTheCanonicalForm() throws {
        // Digests of the text `"int"` (5 bytes, with quotes), computed independently with coreutils.
        let schema = try parse(#"{"type": "int"}"#)
        #expect(Hex.string(schema.fingerprint(.md5)) == "ef524ea1b91e73173d938ade36c1db32")
        #expect(
            Hex.string(schema.fingerprint(.sha256))
                == "3f2b87a9fe7cc9b13835598c3981cd45e3e355309e5090aa0933d7becb6fba45")
    }
}
