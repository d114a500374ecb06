#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An exact decimal number as Avro's `decimal` logical type stores it: an unscaled two's-complement integer of
/// any size and a scale (the value is `unscaled × 10^-scale`).
///
/// Encoding always writes the minimal two's-complement bytes, as Apache Avro Java does; decoding accepts any
/// sign-extended form and normalises it, so equal numbers compare equal.
public struct AvroDecimal: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The unscaled value: inline when it fits in 64 bits (no allocation on the decode hot path), else its
    /// minimal bytes. Always normalised, so equal numbers at equal scales have equal storage.
    @usableFromInline enum Storage: Sendable, Hashable {
        case small(Int64)
        case large([UInt8])
    }

    @usableFromInline let storage: Storage
    /// The number of digits after the decimal point.
    public let scale: Int

    /// A decimal from the bytes of a `bytes` or `fixed` value (any sign extension accepted).
    @inlinable public init<Bytes: Collection<UInt8>>(unscaledBytes bytes: Bytes, scale: Int) {
        self.scale = scale
        // Sign-extended values of up to 8 significant bytes fold into an Int64.
        var value: Int64 = bytes.first.map { $0 & 0x80 != 0 ? -1 : 0 } ?? 0
        var fits = true
        var index = 0
        let count = bytes.count
        for byte in bytes {
            if count - index > 8 {
                // A leading byte beyond 64 bits must be pure sign extension of what follows.
                let fill: UInt8 = value < 0 ? 0xFF : 0
                if byte != fill { fits = false }
            } else {
                value = value << 8 | Int64(byte)
            }
            index += 1
        }
        if fits, count > 8 {
            // The sign of the kept 64 bits must match the dropped fill bytes.
            let dropped = bytes[bytes.index(bytes.startIndex, offsetBy: count - 9)]
            if (dropped & 0x80 != 0) != (value < 0) { fits = false }
        }
        storage = fits ? .small(value) : .large(Self.minimal(Array(bytes)))
    }

    /// The decimal `unscaled × 10^-scale`: `AvroDecimal(unscaled: 1999, scale: 2)` is 19.99. Every 64-bit
    /// unscaled value fits, so this never fails.
    @inlinable public init(unscaled: Int64, scale: Int) {
        self.scale = scale
        storage = .small(unscaled)
    }

    /// The unscaled value as minimal big-endian two's-complement bytes (at least one byte).
    public var unscaledBytes: [UInt8] {
        switch storage {
        case .large(let bytes): return bytes
        case .small: return withUnscaledBytes { Array($0) }
        }
    }

    /// Calls `body` with the minimal unscaled bytes, without allocating for values that fit in 64 bits.
    @inlinable public func withUnscaledBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        switch storage {
        case .large(let bytes): return try bytes.withUnsafeBufferPointer(body)
        case .small(let value):
            // Big-endian, then skip leading bytes that only repeat the sign.
            return try withUnsafeBytes(of: value.bigEndian) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < 7 {
                    let fill: UInt8 = value < 0 ? 0xFF : 0
                    guard bytes[start] == fill, (bytes[start + 1] & 0x80) == (fill & 0x80) else { break }
                    start += 1
                }
                return try body(UnsafeBufferPointer(rebasing: bytes[start...]))
            }
        }
    }

    /// A decimal from its text (`-12.5`, `7`), scaled to `scale` digits; `nil` if the text is not a plain
    /// decimal number or has more fraction digits than `scale` (no digit is ever rounded away).
    public init?(_ text: String, scale: Int) {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !whole.isEmpty || !fraction.isEmpty, scale >= 0, fraction.count <= scale,
            (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        // Magnitude as big-endian bytes, built digit by digit (value = value × 10 + digit).
        var magnitude: [UInt8] = [0]
        for digit in (whole + fraction + String(repeating: "0", count: scale - fraction.count)).utf8 {
            var carry = UInt16(digit - UInt8(ascii: "0"))
            for index in magnitude.indices.reversed() {
                let product = UInt16(magnitude[index]) * 10 + carry
                magnitude[index] = UInt8(truncatingIfNeeded: product)
                carry = product >> 8
            }
            if carry > 0 { magnitude.insert(UInt8(carry), at: 0) }
        }
        // Room for the sign bit, then two's complement for negative numbers.
        magnitude.insert(0, at: 0)
        if negative { magnitude = Self.negated(magnitude) }
        self.init(unscaledBytes: magnitude, scale: scale)
    }

    /// Whether the value is below zero.
    public var isNegative: Bool {
        switch storage {
        case .small(let value): return value < 0
        case .large(let bytes): return bytes[0] & 0x80 != 0
        }
    }

    /// The exact decimal text, e.g. `-12.50` for scale 2.
    public var description: String {
        var magnitude = isNegative ? Self.negated(unscaledBytes) : unscaledBytes
        // Repeated division by 10 gives the digits from the least significant.
        var digits: [UInt8] = []
        while magnitude.contains(where: { $0 != 0 }) {
            var remainder: UInt16 = 0
            for index in magnitude.indices {
                let current = remainder << 8 | UInt16(magnitude[index])
                magnitude[index] = UInt8(current / 10)
                remainder = current % 10
            }
            digits.append(UInt8(remainder) + UInt8(ascii: "0"))
        }
        while digits.count <= scale { digits.append(UInt8(ascii: "0")) }
        var text = String(decoding: digits.reversed(), as: UTF8.self)
        if scale > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -scale)) }
        return (isNegative ? "-" : "") + text
    }

    /// The unscaled bytes sign-extended to `size` bytes (for `fixed`), or `nil` if they do not fit.
    public func fixedBytes(size: Int) -> [UInt8]? {
        guard unscaledBytes.count <= size else { return nil }
        return [UInt8](repeating: isNegative ? 0xFF : 0, count: size - unscaledBytes.count) + unscaledBytes
    }

    /// The same number with `scale` digits after the point: more digits always work, fewer only when the
    /// dropped digits are zeros (no digit is ever rounded away); `nil` otherwise.
    public func rescaled(to scale: Int) -> AvroDecimal? {
        if scale == self.scale { return self }
        var text = description
        if scale < self.scale {
            // Drop trailing fraction zeros down to the new scale; a non-zero digit there makes it fail below.
            var drop = self.scale - scale
            while drop > 0, text.last == "0" {
                text.removeLast()
                drop -= 1
            }
            if text.last == "." { text.removeLast() }
        }
        return AvroDecimal(text, scale: scale)
    }

    /// The number as a Foundation `Decimal`, when it holds it exactly (at most 38 significant digits).
    public var decimalValue: Decimal? {
        let digits = description.filter(\.isNumber).drop { $0 == "0" }
        guard digits.count <= 38 else { return nil }
        return Decimal(string: description)
    }

    /// `decimal` at `scale`, when that is exact (see ``rescaled(to:)``).
    public init?(_ decimal: Decimal, scale: Int) {
        guard decimal.isFinite, let value = AvroDecimal(plainText(decimal), scale: scale) else { return nil }
        self = value
    }

    /// The number as its exact text, e.g. `"-12.50"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// A number from its exact text; the scale is the number of digits after the point.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let scale = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        guard let value = AvroDecimal(text, scale: scale) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal number: \(text)")
        }
        self = value
    }

    @usableFromInline static func minimal(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.first else { return [0] }
        let fill: UInt8 = first & 0x80 != 0 ? 0xFF : 0
        var start = 0
        // Drop a leading fill byte while the next byte still carries the same sign.
        while start + 1 < bytes.count, bytes[start] == fill, (bytes[start + 1] & 0x80) == (fill & 0x80) {
            start += 1
        }
        return start == 0 ? bytes : Array(bytes[start...])
    }

    private static func negated(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes.map { ~$0 }
        for index in result.indices.reversed() {
            result[index] &+= 1
            if result[index] != 0 { break }
        }
        return result
    }
}

/// `decimal` as plain text without an exponent, e.g. `1.5E+3` → `1500`.
private func plainText(_ decimal: Decimal) -> String {
    var significand = decimal.significand
    var exponent = Int(decimal.exponent)
    let negative = decimal.sign == .minus
    if negative { significand = -significand }
    var digits = "\(significand)"
    if let dot = digits.firstIndex(of: ".") {
        exponent -= digits.distance(from: dot, to: digits.endIndex) - 1
        digits.remove(at: dot)
    }
    if exponent >= 0 {
        digits += String(repeating: "0", count: exponent)
    } else {
        let fraction = -exponent
        if digits.count <= fraction { digits = String(repeating: "0", count: fraction - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -fraction))
    }
    return (negative ? "-" : "") + digits
}
