import AvroTooling
import Testing

@testable import Avro

@Suite struct FingerprintTests {
    @Test func rabinOfIntIsLittleEndianAsSingleObjectEncodingWritesIt() throws {
        #expect(Hex.string(try parse(#""int""#).fingerprint(.rabin)) == "8f5c393f1ad57572")
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
