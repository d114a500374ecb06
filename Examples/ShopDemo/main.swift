// The demo's app side: the models generated into codegen/ (target ShopModels) in use, as a Kafka producer and
// consumer would use them. `shop-demo [CONFLUENT_HEX]` decodes a Confluent-framed order (e.g. one the CLI wrote).
import Avro
import Foundation
import ShopModels

let order = Order(
    id: UUID(uuidString: "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b")!,
    timestamp: AvroTimestampMillis(Date(timeIntervalSince1970: 1_764_115_200))!,
    customerId: UUID(uuidString: "0e4a5b9c-7f7d-4c1e-9a51-0b8e2f1c3d4e"),
    status: .PAID,
    lines: [
        OrderLine(sku: "ESP-01", quantity: 1, unitPrice: AvroDecimal("349.90", scale: 2)),
        OrderLine(sku: "BEANS-1KG", quantity: 3, unitPrice: AvroDecimal("18.50", scale: 2)),
    ],
    total: AvroDecimal("405.40", scale: 2), currency: "EUR",
    shippingAddress: Address(street: "Hauptstraße 1", city: "Berlin", postalCode: "10115", country: "DE"),
    attributes: ["channel": "web"])

// Produce: the Confluent wire format (magic byte 0, schema id, Avro binary), as a registry-aware producer does.
let message = try order.avroConfluentEncoded(schemaID: 1)
print(
    "produced order \(order.id.uuidString.lowercased()) for schema id 1: \(message.count) bytes, starting \(Hex.string(message.prefix(12)))…"
)

// Consume: unframe and decode with the generated model.
let (schemaID, datum) = try ConfluentWireFormat.unframe(message)
let consumed = try Order(avroEncoded: Array(datum))
precondition(consumed == order, "the order must survive the round trip")
print(
    "consumed schema id \(schemaID): \(consumed.lines?.count ?? 0) lines, total \(consumed.total!) \(consumed.currency!)"
)

// Evolution: bytes of an older writer schema (no currency, no attributes) read through schema resolution.
let older = try Schema(
    parsing: #"""
        {"type": "record", "name": "Order", "namespace": "com.example.shop.orders", "fields": [
          {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
          {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}
        """#)
let olderBytes = try AvroGenericCodec(schema: older).encode(
    .record([.string("5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5"), .long(1_764_115_200_000)]))
let upgraded = try Order(avroEncoded: olderBytes, writerSchema: older)
print(
    "read an order of the older schema: id \(upgraded.id.uuidString.lowercased()), currency \(upgraded.currency ?? "nil") (the default)"
)

// A message from elsewhere (the demo passes one the CLI encoded from a random JSON value).
if CommandLine.arguments.count > 1 {
    guard let bytes = Hex.bytes(CommandLine.arguments[1]) else { fatalError("the argument must be hex") }
    let (id, payload) = try ConfluentWireFormat.unframe(bytes)
    let foreign = try Order(avroEncoded: Array(payload))
    let again = ConfluentWireFormat.frame(try foreign.avroEncoded(), schemaID: id)
    let reread = try Order(avroEncoded: Array(again.dropFirst(5)))
    precondition(reread == foreign, "the CLI's order must round-trip")
    print(
        "decoded the CLI's order \(foreign.id.uuidString.lowercased()) (schema id \(id), \(foreign.lines?.count ?? 0) lines) and re-encoded it "
            + (again == bytes ? "byte for byte" : "to equal values"))
}
