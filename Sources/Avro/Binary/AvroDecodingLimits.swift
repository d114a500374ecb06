/// Bounds that keep decoding untrusted bytes from allocating without limit or recursing without end.
///
/// Lengths and counts are also always checked against the bytes that remain: a length can never claim more
/// bytes than the input has, and an item count can never exceed the remaining bytes unless the items are
/// encoded in zero bytes (null, empty records, empty arrays), which ``maxCollectionItems`` bounds per collection
/// and ``maxTotalItems`` bounds per decoded datum (nested collections of such items would otherwise multiply).
public struct AvroDecodingLimits: Sendable, Hashable {
    /// The longest `bytes` or `string` value accepted.
    public var maxBytesLength: Int
    /// The most items of one array, or entries of one map, accepted.
    public var maxCollectionItems: Int
    /// The deepest nesting of records, arrays, maps and unions (what bounds recursive schemas).
    public var maxDepth: Int
    /// The most array items and map entries accepted in all the collections of one datum together (one
    /// ``AvroBinaryReader``): the budget of one decode call.
    public var maxTotalItems: Int

    /// Creates limits.
    public init(
        maxBytesLength: Int = 64 << 20, maxCollectionItems: Int = 10_000_000, maxDepth: Int = 256,
        maxTotalItems: Int = 10_000_000
    ) {
        self.maxBytesLength = maxBytesLength
        self.maxCollectionItems = maxCollectionItems
        self.maxDepth = maxDepth
        self.maxTotalItems = maxTotalItems
    }

    /// The defaults: 64 MiB per value, 10 million items per collection, depth 256, and 10 million items in all
    /// the collections of one datum.
    public static let `default` = AvroDecodingLimits()
}
