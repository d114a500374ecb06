import Avro
import Foundation
import ShopModelsV2

/// SplitMix64: a small, fast, seedable generator, so every run produces the same orders.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes version 2 orders from a seed: order `index` depends only on (seed, index), so any order can be made again
/// to check what a consumer read.
struct OrderGenerator {
    let seed: UInt64

    static let products: [(sku: String, cents: Int64, category: [String])] = [
        ("ESP-01", 34_990, ["Kitchen", "Coffee machines"]),
        ("BEANS-1KG", 1_850, ["Groceries", "Coffee"]),
        ("MUG-2", 1_200, ["Kitchen"]),
        ("GRINDER-X", 12_900, ["Kitchen", "Coffee machines", "Grinders"]),
        ("FILTER-100", 450, ["Groceries"]),
        ("KETTLE-G", 5_990, ["Kitchen", "Kettles"]),
    ]
    static let addresses: [ShopModelsV2.Address] = [
        .init(street: "Hauptstraße 1", city: "Berlin", postalCode: "10115", country: "DE"),
        .init(street: "Rue de Rivoli 12", city: "Paris", postalCode: "75001", country: "FR"),
        .init(street: "Via Roma 3", city: "Torino", postalCode: "10121", country: "IT"),
        .init(street: "Keizersgracht 200", city: "Amsterdam", postalCode: "1016", country: "NL"),
    ]
    /// Every status but UNKNOWN (by symbol, so the demo does not depend on how the generator spells cases).
    static let statuses = ShopModelsV2.OrderStatus.allCases.filter { $0.rawValue != "UNKNOWN" }
    static let coupons = ["SPRING10", "WELCOME5", "LOYAL20"]
    /// 2025-11-26T00:00:00Z.
    static let start: Int64 = 1_764_115_200_000

    /// The order at `index`.
    func order(_ index: Int) -> ShopModelsV2.Order {
        var random = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        let lineCount = Int.random(in: 1...4, using: &random)
        var totalCents: Int64 = 0
        let lines = (0..<lineCount).map { _ -> ShopModelsV2.OrderLine in
            let product = Self.products.randomElement(using: &random)!
            let quantity = Int32.random(in: 1...5, using: &random)
            totalCents += product.cents * Int64(quantity)
            let category = product.category.reduce(nil as ShopModelsV2.Category?) { parent, name in
                ShopModelsV2.Category(name: name, parent: parent)
            }
            return ShopModelsV2.OrderLine(
                sku: product.sku, quantity: quantity, unitPrice: Self.decimal(cents: product.cents),
                category: Bool.random(using: &random) ? category : nil)
        }
        return ShopModelsV2.Order(
            id: Self.uuid(&random),
            timestamp: AvroTimestampMillis(ticksSinceEpoch: Self.start + Int64(index) * 37),
            customerId: random.next() % 10 == 0 ? nil : Self.uuid(&random),
            status: Self.statuses.randomElement(using: &random),
            lines: lines,
            total: Self.decimal(cents: totalCents),
            currency: Bool.random(using: &random) ? "EUR" : "USD",
            shippingAddress: Self.addresses.randomElement(using: &random),
            attributes: ["channel": Bool.random(using: &random) ? "web" : "app"],
            couponCode: random.next() % 3 == 0 ? Self.coupons.randomElement(using: &random) : nil)
    }

    static func uuid(_ random: inout SplitMix64) -> UUID {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0 ... .max, using: &random) }
        bytes[6] = bytes[6] & 0x0F | 0x40  // version 4
        bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 4122 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// A decimal with scale 2 from its value in cents (the unscaled value, big-endian two's complement).
    static func decimal(cents: Int64) -> AvroDecimal {
        withUnsafeBytes(of: cents.bigEndian) { AvroDecimal(unscaledBytes: $0, scale: 2) }
    }
}
