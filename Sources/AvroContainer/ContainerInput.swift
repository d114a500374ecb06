import Foundation

/// Buffered bytes from a file or memory, read forward in bounded chunks: what lets a container reader stream
/// a file of any size in bounded memory.
struct ContainerInput {
    private let fill: (Int) throws -> [UInt8]
    private var buffer: [UInt8] = []
    private var index = 0
    /// Bytes consumed so far.
    private(set) var offset = 0

    /// The size of the whole input when it is known (memory, a regular file): no read may claim more.
    private let size: Int?

    init(bytes: [UInt8]) {
        size = bytes.count
        var consumed = false
        fill = { _ in
            defer { consumed = true }
            return consumed ? [] : bytes
        }
    }

    init(handle: FileHandle) {
        var status = stat()
        size =
            fstat(handle.fileDescriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
            ? Int(status.st_size) : nil
        fill = { count in Array(try handle.read(upToCount: count) ?? Data()) }
    }

    private mutating func refill(_ wanted: Int) throws -> Bool {
        if index < buffer.count { return true }
        buffer = try fill(max(wanted, 64 * 1024))
        index = 0
        return !buffer.isEmpty
    }

    /// Whether the input is exhausted.
    mutating func isAtEnd() throws -> Bool {
        try !refill(1)
    }

    mutating func readByte() throws -> UInt8? {
        guard try refill(1) else { return nil }
        let byte = buffer[index]
        index += 1
        offset += 1
        return byte
    }

    /// Exactly `count` bytes, or an error at the end of input.
    mutating func read(_ count: Int) throws -> [UInt8] {
        // A length from the file is checked against what the input holds before anything is reserved for it;
        // where the size is unknown (a pipe), the result grows with the bytes that actually arrive.
        if let size, count > size - offset {
            throw ContainerError(
                "unexpected end of file: \(count) bytes expected, \(size - offset) left", offset: offset)
        }
        var result: [UInt8] = []
        result.reserveCapacity(min(count, max(buffer.count - index, 64 * 1024)))
        while result.count < count {
            guard try refill(count - result.count) else {
                throw ContainerError("unexpected end of file: \(count) bytes expected", offset: offset)
            }
            let take = min(count - result.count, buffer.count - index)
            result.append(contentsOf: buffer[index..<index + take])
            index += take
            offset += take
        }
        return result
    }

    /// A zig-zag varint long.
    mutating func readLong() throws -> Int64 {
        var raw: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard let byte = try readByte() else {
                throw ContainerError("unexpected end of file in a varint", offset: offset)
            }
            if shift == 63 && byte > 1 { throw ContainerError("varint longer than 64 bits", offset: offset) }
            raw |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }
}
