import AvroTooling
import Testing

@Suite struct HexTests {
    @Test func hexRoundTrips() {
        #expect(Hex.string([0x00, 0x0F, 0xAB, 0xFF]) == "000fabff")
        #expect(Hex.bytes("000FabfF") == [0x00, 0x0F, 0xAB, 0xFF])
        #expect(Hex.bytes("abc") == nil)
        #expect(Hex.bytes("zz") == nil)
    }
}
