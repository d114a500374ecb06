import Avro
import Testing

@testable import PluginExample

/// The build plugin ran: the target's `.avsc` file became a Swift model at build time.
@Suite struct PluginExampleTests {
    @Test func theGeneratedModelRoundTrips() throws {
        let bytes = PluginExample.encodedClick(url: "/home")
        let click = try Click(avroEncoded: bytes)
        #expect(click.url == "/home")
        #expect(Click.avroSchema.canonicalForm.contains("com.example.web.Click"))
    }
}
