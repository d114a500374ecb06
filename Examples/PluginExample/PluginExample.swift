import Avro

/// Uses the `Click` model that the build plugin generates from `clicks-value.avsc`.
public enum PluginExample {
    /// A click encoded with the generated serde.
    public static func encodedClick(url: String?) -> [UInt8] {
        Click(id: "c-1", timestamp: 1_700_000_000_000, url: url).avroEncoded()
    }
}
