import Avro
import Foundation
import Testing

@testable import PluginExample

/// The build plugin ran: the target's `.avsc` file became a Swift model at build time, with the options of the
/// target's `swift-avro.json`.
@Suite struct PluginExampleTests {
    @Test func theGeneratedModelRoundTrips() throws {
        let bytes = try PluginExample.encodedClick(url: "/home")
        let click = try Click(avroEncoded: bytes)
        #expect(click.url == "/home")
        #expect(click.timestamp.date == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(Click.avroSchema.canonicalForm.contains("com.example.web.Click"))
    }

    @Test func theConfigurationAddedCodable() throws {
        let click = try Click(avroEncoded: try PluginExample.encodedClick(url: nil))
        let json = try JSONEncoder().encode(click)
        #expect(try JSONDecoder().decode(Click.self, from: json) == click)
    }
}
