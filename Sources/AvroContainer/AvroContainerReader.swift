import Avro
import Foundation

/// Reads an object container file one block at a time, so memory stays bounded by the largest block.
///
/// With a reader schema, data is resolved from the file's writer schema through the cached resolution plan.
public struct AvroContainerReader {
    /// The file's header.
    public let header: ContainerHeader
    /// The schema values are returned in.
    public var schema: Schema { codec.schema }
    private var input: ContainerInput
    private let codec: AvroGenericCodec
    private var block: [UInt8] = []
    private var position = 0
    private var remainingInBlock = 0

    /// A reader over a file in memory.
    public init(bytes: [UInt8], readerSchema: Schema? = nil, limits: AvroDecodingLimits = .default) throws {
        try self.init(input: ContainerInput(bytes: bytes), readerSchema: readerSchema, limits: limits)
    }

    /// A reader that streams the file at `path`.
    public init(path: String, readerSchema: Schema? = nil, limits: AvroDecodingLimits = .default) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ContainerError("cannot open \(path)") }
        try self.init(input: ContainerInput(handle: handle), readerSchema: readerSchema, limits: limits)
    }

    private init(input: ContainerInput, readerSchema: Schema?, limits: AvroDecodingLimits) throws {
        var input = input
        header = try ContainerHeader.read(from: &input, limits: limits)
        if let readerSchema {
            codec = try AvroGenericCodec(writer: header.schema, reader: readerSchema, limits: limits)
        } else {
            codec = AvroGenericCodec(schema: header.schema, limits: limits)
        }
        self.input = input
    }

    /// The next value, or `nil` at the end of the file.
    public mutating func next() throws -> AvroValue? {
        while remainingInBlock == 0 {
            guard try readBlock() else { return nil }
        }
        let start = position
        var consumed = 0
        let value = try block.withUnsafeBytes { buffer -> AvroValue in
            var reader = AvroBinaryReader(UnsafeRawBufferPointer(rebasing: buffer[start...]), limits: codec.limits)
            let value = try codec.decode(from: &reader)
            consumed = reader.offset
            return value
        }
        position += consumed
        remainingInBlock -= 1
        if remainingInBlock == 0 && position != block.count {
            throw ContainerError("block has \(block.count - position) bytes after its last value", offset: input.offset)
        }
        return value
    }

    /// Every remaining value.
    public mutating func readAll() throws -> [AvroValue] {
        var values: [AvroValue] = []
        while let value = try next() { values.append(value) }
        return values
    }

    private mutating func readBlock() throws -> Bool {
        if try input.isAtEnd() { return false }
        let count = try input.readLong()
        let size = try input.readLong()
        let limit = codec.limits.maxBytesLength
        guard count >= 0, count <= codec.limits.maxCollectionItems, size >= 0, size <= limit else {
            throw ContainerError("invalid block header (count \(count), size \(size))", offset: input.offset)
        }
        let compressed = try input.read(Int(size))
        guard try input.read(16) == header.sync else {
            throw ContainerError("sync marker mismatch: the file is corrupt", offset: input.offset)
        }
        block = try header.codec.decompress(compressed, limit: limit)
        position = 0
        remainingInBlock = Int(count)
        return true
    }
}
