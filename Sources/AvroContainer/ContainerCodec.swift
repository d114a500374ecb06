import CSnappy
import CZlib
import CZstd

/// A block compression codec of object container files.
public enum ContainerCodec: String, Sendable, CaseIterable {
    /// No compression.
    case null
    /// Raw DEFLATE (RFC 1951, no zlib header), through zlib.
    case deflate
    /// Snappy, each block followed by the big-endian CRC-32 of its uncompressed bytes.
    case snappy
    /// Zstandard frames.
    case zstandard

    /// Compresses one block.
    public func compress(_ input: [UInt8]) throws -> [UInt8] {
        switch self {
        case .null: return input
        case .deflate: return try Deflate.compress(input)
        case .snappy: return try Snappy.compress(input)
        case .zstandard:
            var output = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
            let written = output.withUnsafeMutableBytes { target in
                input.withUnsafeBytes { source in
                    ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, 3)
                }
            }
            guard ZSTD_isError(written) == 0 else { throw ContainerError("zstandard compression failed") }
            output.removeSubrange(written...)
            return output
        }
    }

    /// Decompresses one block, refusing output larger than `limit` bytes.
    public func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        switch self {
        case .null: return input
        case .deflate: return try Deflate.decompress(input, limit: limit)
        case .snappy: return try Snappy.decompress(input, limit: limit)
        case .zstandard:
            return try Zstandard.decompress(input, limit: limit)
        }
    }
}

/// Snappy blocks as Avro frames them: the compressed bytes, then the big-endian CRC-32 of the uncompressed ones.
enum Snappy {
    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        let output = try run(input, capacity: snappy_max_compressed_length(input.count), snappy_compress)
        let checksum = UInt32(crc32(0, input, UInt32(input.count)))
        return output + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: checksum >> $0) }
    }

    static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        guard input.count >= 4 else { throw ContainerError("snappy block shorter than its checksum") }
        let body = Array(input.dropLast(4))
        var length = 0
        let lengthStatus = body.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { snappy_uncompressed_length($0.baseAddress, $0.count, &length) }
        }
        // No snappy element expands more than 64 bytes from 3 (a copy with a 2-byte offset): a stated length past
        // that is a lie, and is refused before anything is allocated for it.
        guard lengthStatus == SNAPPY_OK, length <= limit, length <= body.count * 22 else {
            throw ContainerError(
                "invalid snappy block, or one larger than its \(body.count) bytes can hold or than \(limit) bytes")
        }
        let output = try run(body, capacity: length, snappy_uncompress)
        let expected = input.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard UInt32(crc32(0, output, UInt32(output.count))) == expected else {
            throw ContainerError("snappy block checksum mismatch")
        }
        return output
    }

    /// Runs a snappy function from `input` into a buffer of `capacity` bytes and returns what it wrote.
    private static func run(
        _ input: [UInt8], capacity: Int,
        _ function: (UnsafePointer<CChar>?, Int, UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<Int>?) ->
            snappy_status
    ) throws -> [UInt8] {
        var length = capacity
        var output = [UInt8](repeating: 0, count: capacity)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                source.withMemoryRebound(to: CChar.self) { source in
                    target.withMemoryRebound(to: CChar.self) { target in
                        function(source.baseAddress, source.count, target.baseAddress, &length)
                    }
                }
            }
        }
        guard status == SNAPPY_OK else { throw ContainerError("corrupt snappy block") }
        output.removeSubrange(length...)
        return output
    }
}

/// Raw DEFLATE through zlib's streaming API (window bits −15: no zlib header or checksum, as Avro requires).
///
/// The `z_stream` lives on the heap: zlib keeps a pointer to it between calls, so it must never move, which a
/// Swift local passed with `&` does not promise.
enum Deflate {
    private static func withStream<Result>(_ body: (UnsafeMutablePointer<z_stream>) throws -> Result) rethrows -> Result
    {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        return try body(stream)
    }

    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        try withStream { stream in
            let streamSize = Int32(MemoryLayout<z_stream>.size)
            guard
                deflateInit2_(
                    stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, streamSize)
                    == Z_OK
            else { throw ContainerError("deflate initialisation failed") }
            defer { deflateEnd(stream) }
            var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(input.count))) + 16)
            var input = input
            let status = input.withUnsafeMutableBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    stream.pointee.next_in = source.baseAddress
                    stream.pointee.avail_in = UInt32(source.count)
                    stream.pointee.next_out = target.baseAddress
                    stream.pointee.avail_out = UInt32(target.count)
                    return deflate(stream, Z_FINISH)
                }
            }
            guard status == Z_STREAM_END else { throw ContainerError("deflate compression failed") }
            output.removeSubrange(Int(stream.pointee.total_out)...)
            return output
        }
    }

    static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        try withStream { stream in
            guard inflateInit2_(stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw ContainerError("inflate initialisation failed")
            }
            defer { inflateEnd(stream) }
            var output: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: max(4096, min(limit, input.count * 4)))
            var input = input
            try input.withUnsafeMutableBufferPointer { source in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = UInt32(source.count)
                var status: Int32 = Z_OK
                repeat {
                    let produced = chunk.withUnsafeMutableBufferPointer { target in
                        stream.pointee.next_out = target.baseAddress
                        stream.pointee.avail_out = UInt32(target.count)
                        status = inflate(stream, Z_NO_FLUSH)
                        return target.count - Int(stream.pointee.avail_out)
                    }
                    guard status == Z_OK || status == Z_STREAM_END else {
                        throw ContainerError("corrupt deflate block")
                    }
                    output.append(contentsOf: chunk[0..<produced])
                    guard output.count <= limit else {
                        throw ContainerError("deflate block larger than \(limit) bytes")
                    }
                    if produced == 0 && status == Z_OK && stream.pointee.avail_in == 0 {
                        throw ContainerError("truncated deflate block")
                    }
                } while status != Z_STREAM_END
            }
            return output
        }
    }
}

/// Zstandard frames through the streaming API, so output is bounded even when a frame does not state its size.
enum Zstandard {
    static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        guard let context = ZSTD_createDStream() else { throw ContainerError("zstandard initialisation failed") }
        defer { ZSTD_freeDStream(context) }
        // A frame's window is memory the decoder allocates whatever the frame holds; a block never needs more than
        // its largest allowed size, so a larger window is refused instead of allocated (zstd's own cap is 128 MiB).
        guard ZSTD_isError(ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, Int32(windowLog(for: limit)))) == 0
        else { throw ContainerError("zstandard initialisation failed") }
        let stated = input.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        // ZSTD_CONTENTSIZE_UNKNOWN and _ERROR are the two largest values: only a real stated size is compared.
        if stated < UInt64.max - 1, stated > UInt64(limit) {
            throw ContainerError("zstandard block larger than \(limit) bytes")
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        var remainingHint = 1
        try input.withUnsafeBytes { (source) throws in
            var inBuffer = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            while inBuffer.pos < inBuffer.size || remainingHint != 0 {
                let (hint, produced) = chunk.withUnsafeMutableBytes { target in
                    var outBuffer = ZSTD_outBuffer(dst: target.baseAddress, size: target.count, pos: 0)
                    let hint = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                    return (hint, outBuffer.pos)
                }
                guard ZSTD_isError(hint) == 0 else { throw ContainerError("corrupt zstandard block") }
                remainingHint = hint
                output.append(contentsOf: chunk[0..<produced])
                guard output.count <= limit else { throw ContainerError("zstandard block larger than \(limit) bytes") }
                if produced == 0 && inBuffer.pos == inBuffer.size && hint != 0 {
                    throw ContainerError("truncated zstandard block")
                }
            }
        }
        return output
    }

    /// The base-2 log of the largest window a block of at most `limit` bytes needs, within zstd's bounds
    /// (10 ... 27, 27 being zstd's default maximum).
    static func windowLog(for limit: Int) -> Int {
        var log = 10
        while log < 27 && (1 << log) < limit { log += 1 }
        return log
    }
}
