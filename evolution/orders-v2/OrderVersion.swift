// ShopModelsV2: the models of version 2 of the orders value schema (orders-value.avsc in this folder: version 1
// and a new optional `couponCode`), generated at build time by AvroCodegenPlugin. A module of its own, so an app can
// use it beside ShopModels (version 1) while a topic moves from one to the other.

extension Order {
    /// The version of the `orders-value` schema this `Order` was generated from, in the order a team registers them.
    public static let schemaVersion = 2
}
