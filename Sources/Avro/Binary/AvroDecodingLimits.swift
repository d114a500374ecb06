/// Bounds that keep decoding untrusted bytes from allocating without limit or recursing without end.
///
/// Lengths and counts are also always checked against the bytes that remain: a length can never claim more
/// bytes than the input has, and an item count can never exceed the remaining bytes unless the items are
/// encoded in zero bytes (null, empty records), which ``maxCollectionItems`` bounds.
public struct AvroDecodingLimits: Sendable, Hashable {
    /// The longest `bytes` or `string` value accepted.
    public var maxBytesLength: Int
    /// The most items of one array, or entries of one map, accepted.
    public var maxCollectionItems: Int
    /// The deepest nesting of records, arrays, maps and unions (what bounds recursive schemas).
    public var maxDepth: Int

    /// Creates limits.
    public init(maxBytesLength: Int = 64 << 20, maxCollectionItems: Int = 10_000_000, maxDepth: Int = 256) {
        self.maxBytesLength = maxBytesLength
        self.maxCollectionItems = maxCollectionItems
        self.maxDepth = maxDepth
    }

    /// The defaults: 64 MiB per value, 10 million items per collection, depth 256.
    public static let `default` = AvroDecodingLimits()
}
