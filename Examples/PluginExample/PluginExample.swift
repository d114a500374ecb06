import Avro
import Foundation

/// Uses the `Click` model that the build plugin generates from `clicks-value.avsc`, configured by
/// `swift-avro.json` (internal types, with `Codable`).
public enum PluginExample {
    /// A click encoded with the generated serde.
    public static func encodedClick(url: String?) throws -> [UInt8] {
        let click = Click(
            id: UUID(uuidString: "6f1c2a9e-3b7d-4e8a-9c21-5d4f0a8b7e36")!,
            timestamp: AvroTimestamp(ticksSinceEpoch: 1_700_000_000_000), url: url)
        return try click.avroEncoded()
    }
}
