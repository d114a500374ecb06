import Avro

/// The blocks of an object container file after its header, read one at a time: what the generic and the model
/// readers share, so memory stays bounded by the largest block whatever the file's size.
struct ContainerBlocks {
    /// The file's header.
    let header: ContainerHeader
    /// The limits a block's count and sizes are checked against.
    let limits: AvroDecodingLimits
    private var input: ContainerInput

    /// Reads the header from `input`.
    init(input: ContainerInput, limits: AvroDecodingLimits) throws {
        var input = input
        header = try ContainerHeader.read(from: &input, limits: limits)
        self.input = input
        self.limits = limits
    }

    /// The number of bytes read from the file so far.
    var offset: Int { input.offset }

    /// The next block's datum count and decompressed bytes, or `nil` at the end of the file.
    mutating func next() throws -> (count: Int, bytes: [UInt8])? {
        if try input.isAtEnd() { return nil }
        let count = try input.readLong()
        let size = try input.readLong()
        let limit = limits.maxBytesLength
        guard count >= 0, count <= limits.maxCollectionItems, size >= 0, size <= limit else {
            throw ContainerError("invalid block header (count \(count), size \(size))", offset: input.offset)
        }
        let compressed = try input.read(Int(size))
        guard try input.read(16) == header.sync else {
            throw ContainerError("sync marker mismatch: the file is corrupt", offset: input.offset)
        }
        return (Int(count), try header.codec.decompress(compressed, limit: limit))
    }
}
