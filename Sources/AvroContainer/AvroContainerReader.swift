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
    private var blocks: ContainerBlocks
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
        blocks = try ContainerBlocks(input: input, limits: limits)
        header = blocks.header
        if let readerSchema {
            codec = try AvroGenericCodec(writer: header.schema, reader: readerSchema, limits: limits)
        } else {
            codec = AvroGenericCodec(schema: header.schema, limits: limits)
        }
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
            throw ContainerError(
                "block has \(block.count - position) bytes after its last value", offset: blocks.offset)
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
        guard let next = try blocks.next() else { return false }
        block = next.bytes
        position = 0
        remainingInBlock = next.count
        return true
    }
}
