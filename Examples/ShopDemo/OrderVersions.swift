import ShopModels
import ShopModelsV2

/// What a version 1 consumer must read from a version 2 order, written field by field (not through Avro), so the
/// demo's check of schema resolution does not depend on the code it checks: every field of version 1 as written,
/// and nothing of `couponCode`.
extension ShopModels.Order {
    init(expectedFrom order: ShopModelsV2.Order) {
        self.init(
            id: order.id, timestamp: order.timestamp, customerId: order.customerId,
            status: order.status.map { ShopModels.OrderStatus(rawValue: $0.rawValue)! },
            lines: order.lines?.map {
                ShopModels.OrderLine(
                    sku: $0.sku, quantity: $0.quantity, unitPrice: $0.unitPrice,
                    category: $0.category.map(ShopModels.Category.init(expectedFrom:)))
            },
            total: order.total, currency: order.currency,
            shippingAddress: order.shippingAddress.map {
                ShopModels.Address(street: $0.street, city: $0.city, postalCode: $0.postalCode, country: $0.country)
            },
            attributes: order.attributes)
    }
}

extension ShopModels.Category {
    init(expectedFrom category: ShopModelsV2.Category) {
        self.init(name: category.name, parent: category.parent.map(ShopModels.Category.init(expectedFrom:)))
    }
}
