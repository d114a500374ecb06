import Avro
import Testing

@testable import AvroContainer

/// Lengths in a container file are checked against what the input holds before memory is reserved for them,
/// and a zstandard frame cannot make the decoder allocate a window larger than a block may be (issue 12).
@Suite struct ContainerLimitsTests {
    /// A zstandard frame with a window of 2^`windowLog` bytes holding one raw block of `A`.
    static func zstandardFrame(windowLog: Int) -> [UInt8] {
        [0x28, 0xB5, 0x2F, 0xFD, 0x00, UInt8((windowLog - 10) << 3), 0x09, 0x00, 0x00, 0x41]
    }

    @Test func aZstandardWindowLargerThanABlockMayBeIsRefused() throws {
        // 64 MiB window, 1 MiB blocks: refused before the window is allocated.
        #expect(throws: ContainerError.self) {
            try ContainerCodec.zstandard.decompress(Self.zstandardFrame(windowLog: 26), limit: 1 << 20)
        }
        // The same frame is fine where blocks may be that large, and a small window is fine with small blocks.
        #expect(try ContainerCodec.zstandard.decompress(Self.zstandardFrame(windowLog: 26), limit: 64 << 20) == [0x41])
        #expect(try ContainerCodec.zstandard.decompress(Self.zstandardFrame(windowLog: 20), limit: 1 << 20) == [0x41])
    }

    @Test func theZstandardWindowFollowsTheBlockLimit() {
        #expect(Zstandard.windowLog(for: 0) == 10)
        #expect(Zstandard.windowLog(for: 1 << 20) == 20)
        #expect(Zstandard.windowLog(for: (1 << 20) + 1) == 21)
        #expect(Zstandard.windowLog(for: 64 << 20) == 26)
        #expect(Zstandard.windowLog(for: Int.max) == 27)
    }

    @Test func aSnappyLengthItsBytesCannotHoldIsRefused() {
        // A snappy block stating 1 MiB of output in 3 bytes (then the 4 CRC bytes).
        let block: [UInt8] = [0x80, 0x80, 0x40, 0, 0, 0, 0]
        let error = #expect(throws: ContainerError.self) {
            try ContainerCodec.snappy.decompress(block, limit: 64 << 20)
        }
        #expect(error?.message.contains("can hold") == true)
    }

    @Test func aHeaderLengthPastTheEndOfTheFileIsRefusedBeforeReading() {
        // Magic, one metadata entry whose key claims 60 MB, and nothing more.
        var writer = AvroBinaryWriter()
        writer.writeRaw(ContainerHeader.magic)
        writer.writeBlockCount(1)
        writer.writeLong(60_000_000)
        let error = #expect(throws: ContainerError.self) {
            try AvroContainerReader(bytes: writer.bytes)
        }
        #expect(error?.message.contains("left") == true)
    }
}
