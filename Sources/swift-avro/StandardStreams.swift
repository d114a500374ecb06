import Foundation

/// Standard input read forward in chunks into a window that keeps only the bytes not consumed yet: what lets
/// `decode` handle a stream of any length in time linear in it and memory bounded by its largest datum.
struct StreamInput {
    private let descriptor: Int32
    private let chunkSize: Int
    /// The buffered bytes; those before `start` are consumed.
    private(set) var buffer: [UInt8] = []
    /// The index in `buffer` of the first byte not consumed.
    private(set) var start = 0
    /// Whether the input has reached its end (no more bytes will come).
    private(set) var atEnd = false
    /// Called before each read of the descriptor, which may wait: where output is flushed, so a consumer at the
    /// other end of a pipe sees every value decoded so far while the producer is still writing.
    var beforeRead: () -> Void = {}

    init(descriptor: Int32 = FileHandle.standardInput.fileDescriptor, chunkSize: Int = 64 * 1024) {
        self.descriptor = descriptor
        self.chunkSize = chunkSize
    }

    /// The number of bytes buffered and not consumed.
    var available: Int { buffer.count - start }

    /// The bytes buffered and not consumed.
    var pending: ArraySlice<UInt8> { buffer[start...] }

    /// Marks `count` buffered bytes as consumed.
    mutating func consume(_ count: Int) {
        start += min(count, available)
    }

    /// Reads at least one more chunk (as large as what is buffered, so a datum that needs several refills is
    /// retried a logarithmic number of times); returns false at the end of the input.
    @discardableResult
    mutating func readMore() throws -> Bool {
        if atEnd { return false }
        // Drop the consumed prefix once it is at least half the buffer: each byte moves a bounded number of times.
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let wanted = max(chunkSize, available)
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: wanted))
        var filled = 0
        beforeRead()
        while filled < wanted {
            let result = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(descriptor, base + oldCount + filled, wanted - filled)
            }
            if result < 0 {
                if errno == EINTR { continue }
                buffer.removeSubrange((oldCount + filled)...)
                throw StreamInputError("cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if result == 0 {
                atEnd = true
                break
            }
            // A pipe returns what it has; decode what came instead of waiting for a full chunk.
            filled += result
            break
        }
        buffer.removeSubrange((oldCount + filled)...)
        return filled > 0
    }

    /// The next line (without its `\n`), or nil at the end of the input. A last line without `\n` counts.
    mutating func readLine() throws -> ArraySlice<UInt8>? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                return line
            }
            searchFrom = buffer.count
            let consumedBefore = start
            if try !readMore() {
                guard available > 0 else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            // readMore may have moved the window: keep the search position relative to it.
            searchFrom -= consumedBefore - start
        }
    }
}

/// A failure reading standard input.
struct StreamInputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Standard output written in large pieces, so a long stream of small values costs few system calls and holds
/// little memory.
final class StreamOutput {
    private var pending = ""
    private let flushSize: Int

    init(flushSize: Int = 64 * 1024) {
        self.flushSize = flushSize
    }

    func write(_ text: String) {
        pending += text
        if pending.utf8.count >= flushSize { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending.utf8))
        pending = ""
    }
}
