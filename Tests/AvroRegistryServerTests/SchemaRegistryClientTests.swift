import AvroRegistry
import AvroRegistryServer
import AvroTestSupport
import Foundation
import Logging
import Testing

/// The client (over libcurl) against the embedded server, started in process on a free port.
struct SchemaRegistryClientTests {
    static let order = OrderSchemaTexts.v1
    static let orderV2 = OrderSchemaTexts.v2
    static let orderRequired = OrderSchemaTexts.v2Required

    /// Runs `body` with a client of a fresh server, then stops the server.
    func withServer(_ body: (SchemaRegistryClient, String) async throws -> Void) async throws {
        try await withRegistryServer { url in try await body(testClient(url), url) }
    }

    @Test func registersLooksUpEvolvesAndDeletes() async throws {
        try await withServer { client, _ in
            let id = try await client.register(Self.order, under: "orders-value")
            #expect(id == 1)
            #expect(try await client.register(Self.order, under: "orders-value") == 1)
            #expect(try await client.schema(id: 1).schema.contains("Order"))
            #expect(try await client.subjects() == ["orders-value"])
            #expect(try await client.checkCompatibility(Self.orderV2, subject: "orders-value").isCompatible)
            let refused = try await client.checkCompatibility(
                Self.orderRequired, subject: "orders-value", verbose: true)
            #expect(!refused.isCompatible && refused.messages?.isEmpty == false)
            #expect(try await client.register(Self.orderV2, under: "orders-value") == 2)
            #expect(try await client.version(.latest, of: "orders-value").version == 2)
            #expect(try await client.lookup(Self.order, in: "orders-value").version == 1)
            do {
                _ = try await client.register(Self.orderRequired, under: "orders-value")
                Issue.record("registered an incompatible schema")
            } catch let error as RegistryError {
                #expect(error.status == 409 && error.code == 409)
            }
            try await client.setCompatibility(.fullTransitive, subject: "orders-value")
            #expect(try await client.compatibility(subject: "orders-value") == .fullTransitive)
            #expect(try await client.deleteVersion(.number(1), of: "orders-value") == 1)
            #expect(try await client.versions(of: "orders-value") == [2])
            #expect(try await client.deleteSubject("orders-value") == [2])
            #expect(try await client.deleteSubject("orders-value", permanent: true) == [1, 2])
            do {
                _ = try await client.versions(of: "orders-value")
                Issue.record("the subject is still there")
            } catch let error as RegistryError {
                #expect(error.code == 40401 && error.status == 404 && error.message.contains("orders-value"))
            }
        }
    }

    @Test func subjectsArePercentEncodedAndContextsPassThrough() async throws {
        try await withServer { client, _ in
            for subject in ["a/b c", ":.ctx:orders-value", "x?y&z=1#%"] {
                _ = try await client.register(Self.order, under: subject)
                #expect(try await client.versions(of: subject) == [1])
            }
            let subjects = try await client.subjects()
            #expect(Set(subjects) == ["a/b c", ":.ctx:orders-value", "x?y&z=1#%"])
        }
    }

    @Test func concurrentFetchesOfOneIDMakeOneRequest() async throws {
        try await withServer { client, url in
            _ = try await client.register(Self.order, under: "s")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<200 { group.addTask { _ = try await client.schema(id: 1) } }
                try await group.waitForAll()
            }
            let scrape = try await CurlTransport().send(
                RegistryHTTPRequest(method: "GET", url: url + "/metrics"), timeout: .seconds(10))
            let metrics = String(decoding: scrape.body, as: UTF8.self)
            #expect(metrics.contains(#"route="/schemas/ids/{id}",method="GET",status="200"} 1"#), "\(metrics)")
        }
    }

    @Test func unreachableURLsFailOverAndFailWithATransportError() async throws {
        try await withServer { (_: SchemaRegistryClient, url: String) async throws -> Void in
            var configuration = RegistryClientConfiguration(urls: ["http://127.0.0.1:1", url])
            configuration.retryBase = .milliseconds(1)
            let id = try await SchemaRegistryClient(configuration).register(Self.order, under: "s")
            #expect(id == 1)
            configuration.urls = ["http://127.0.0.1:1"]
            configuration.maxRetries = 1
            let unreachable = SchemaRegistryClient(configuration)
            await #expect(throws: RegistryTransportError.self) { _ = try await unreachable.subjects() }
        }
    }
}
