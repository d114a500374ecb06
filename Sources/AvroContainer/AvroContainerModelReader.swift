import Avro
import Foundation

/// Reads an object container file as a sequence of generated models, one block at a time, so memory stays bounded
/// by the largest block whatever the file's size.
///
/// The file may have been written with any schema the model can read: when its canonical form is the model's, each
/// datum is decoded in place by the generated code; otherwise it is resolved into the model's schema through one
/// ``AvroModelDecoder`` built for the file (one resolution plan, no generic values for record schemas).
///
/// ```swift
/// var reader = try AvroContainerModelReader<Order>(path: "orders.avro")
/// while let order = try reader.next() { ... }
/// // or, in async code:
/// for try await order in try AvroContainerModelReader<Order>(path: "orders.avro") { ... }
/// ```
///
/// A reader streams its file: iterate it once (copies share the file handle).
public struct AvroContainerModelReader<Model: AvroModel> {
    /// The file's header (its writer schema, codec, metadata and sync marker).
    public let header: ContainerHeader
    /// The limits applied to each datum and block.
    public let limits: AvroDecodingLimits
    private var blocks: ContainerBlocks
    private let decoder: AvroModelDecoder<Model>
    private var block: [UInt8] = []
    private var position = 0
    private var remainingInBlock = 0
    private var index = 0
    /// The error that stopped the reader: every later call throws it again.
    private var failure: ContainerError?

    /// A reader over a file in memory.
    /// - Throws: ``ContainerError`` when the header is invalid or its schema cannot be read as `Model`.
    public init(bytes: [UInt8], limits: AvroDecodingLimits = .default) throws(ContainerError) {
        try self.init(input: ContainerInput(bytes: bytes), limits: limits)
    }

    /// A reader that streams the file at `path`.
    /// - Throws: ``ContainerError`` when the file cannot be opened, the header is invalid or its schema cannot be
    ///   read as `Model`.
    public init(path: String, limits: AvroDecodingLimits = .default) throws(ContainerError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ContainerError("cannot open \(path)") }
        try self.init(handle: handle, limits: limits)
    }

    /// A reader that streams from `handle` (a file or a pipe), from its current position.
    /// - Throws: ``ContainerError`` when the header is invalid or its schema cannot be read as `Model`.
    public init(handle: FileHandle, limits: AvroDecodingLimits = .default) throws(ContainerError) {
        try self.init(input: ContainerInput(handle: handle), limits: limits)
    }

    private init(input: ContainerInput, limits: AvroDecodingLimits) throws(ContainerError) {
        blocks = try Self.wrapped { try ContainerBlocks(input: input, limits: limits) }
        header = blocks.header
        self.limits = limits
        do {
            decoder = try AvroModelDecoder<Model>(writerSchema: header.schema, limits: limits)
        } catch {
            throw ContainerError("the file's schema cannot be read as \(Model.self): \(error.message)")
        }
    }

    /// Whether the file's schema is the model's (same canonical form), so datums are decoded as they are.
    public var isIdentity: Bool { decoder.isIdentity }

    /// The next model, or `nil` at the end of the file.
    /// - Throws: ``ContainerError`` for a truncated or corrupt file (a bad block, a sync marker mismatch, a datum
    ///   that does not decode, bytes after a block's last datum), with the byte offset reached; the reader then
    ///   stops, and every later call throws the same error.
    public mutating func next() throws(ContainerError) -> Model? {
        if let failure { throw failure }
        do {
            return try advance()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func advance() throws(ContainerError) -> Model? {
        while remainingInBlock == 0 {
            guard let next = try Self.wrapped({ try blocks.next() }) else { return nil }
            block = next.bytes
            position = 0
            remainingInBlock = next.count
        }
        let model: Model
        do {
            model = try decodeDatum()
        } catch {
            throw ContainerError("datum \(index): \(error)", offset: blocks.offset)
        }
        remainingInBlock -= 1
        index += 1
        if remainingInBlock == 0 && position != block.count {
            throw ContainerError(
                "block has \(block.count - position) bytes after its last datum", offset: blocks.offset)
        }
        return model
    }

    /// Every remaining model (the whole file in memory: prefer ``next()`` for large files).
    public mutating func readAll() throws(ContainerError) -> [Model] {
        var models: [Model] = []
        while let model = try next() { models.append(model) }
        return models
    }

    /// Decodes the datum at `position` and moves past it, in one pass (resolving as it reads when the file's
    /// schema is not the model's).
    private mutating func decodeDatum() throws -> Model {
        let start = position
        let limits = limits
        let decoder = decoder
        var consumed = 0
        let model = try block.withUnsafeBytes { buffer -> Model in
            var reader = AvroBinaryReader(UnsafeRawBufferPointer(rebasing: buffer[start...]), limits: limits)
            let model = try decoder.decode(from: &reader)
            consumed = reader.offset
            return model
        }
        position = start + consumed
        return model
    }

    /// Runs `body`, turning any error that is not a ``ContainerError`` (an I/O error) into one.
    private static func wrapped<T>(_ body: () throws -> T) throws(ContainerError) -> T {
        do {
            return try body()
        } catch let error as ContainerError {
            throw error
        } catch {
            throw ContainerError("\(error)")
        }
    }
}

extension AvroContainerModelReader: AsyncSequence {
    /// Iterates the models of the file; reading blocks from the file blocks the calling task.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var reader: AvroContainerModelReader

        /// The next model, or `nil` at the end of the file.
        public mutating func next() async throws(ContainerError) -> Model? {
            try reader.next()
        }

        /// The next model, read on the caller's actor.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(ContainerError) -> Model? {
            try reader.next()
        }
    }

    /// An iterator over the models of the file.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(reader: self)
    }
}
