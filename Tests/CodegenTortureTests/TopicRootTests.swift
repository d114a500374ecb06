import Avro
import Foundation
import Testing

/// Every topic schema gets a model, whatever its root: a union of event types becomes an enum, a primitive key
/// the standard type, and other roots a wrapper; each encodes what the generic codec encodes.
@Suite struct TopicRootTests {
    @Test func aUnionRootIsAnEnumWithACasePerBranch() throws {
        try TortureTests.checkRoundTrips(TopicEvents.self, count: 300, seed: 11)
        #expect(TopicEvents.avroSchema.unionBranches?.count == 5)
        #expect(TopicEvents.avroRabinFingerprint == TopicEvents.avroSchema.rabinFingerprint)
        let placed = TopicEvents.topicPlaced(TopicPlaced(id: "o-1", lines: [.int(2), .string("x")]))
        #expect(try TopicEvents(avroEncoded: placed.avroEncoded()) == placed)
        // Branch indices as the schema orders them: null is 0, the enum 3.
        #expect(try TopicEvents.null.avroEncoded() == [0x00])
        #expect(try TopicEvents.topicSignal(.pong).avroEncoded() == [0x06, 0x02])
        #expect(throws: AvroCodingError.self) { try TopicEvents(avroEncoded: [0x0A]) }
    }

    @Test func anEventTypeReadsIntoTheTopicEnumThroughResolution() throws {
        // A producer that only knows one event type writes its record; the consumer reads it as the union.
        let cancelled = TopicCancelled(id: "o-2", reason: "late")
        let event = try TopicEvents(avroEncoded: cancelled.avroEncoded(), writerSchema: TopicCancelled.avroSchema)
        #expect(event == .topicCancelled(cancelled))
    }

    @Test func aPrimitiveRootIsTheStandardType() throws {
        let key: TopicKey = "order-42"
        #expect(TopicKey.avroSchema.jsonText == #""string""#)
        #expect(try key.avroEncoded() == [0x10] + Array("order-42".utf8))
        #expect(try TopicKey(avroEncoded: key.avroEncoded()) == key)
        #expect(try key.avroConfluentEncoded(schemaID: 7).prefix(5) == [0, 0, 0, 0, 7])
    }

    @Test func otherRootsAreWrappers() throws {
        try TortureTests.checkRoundTrips(TopicCounters.self, seed: 12)
        try TortureTests.checkRoundTrips(TopicClock.self, seed: 13)
        let counters = TopicCounters(["a": .long(1), "b": .array(["x"]), "c": nil])
        #expect(try TopicCounters(avroEncoded: counters.avroEncoded()) == counters)
        let clock = TopicClock(.now)
        #expect(try TopicClock(avroEncoded: clock.avroEncoded()).value == clock.value)
    }

    @Test(arguments: [
        (Int64(-3) as any AvroModel, [UInt8]([0x05])), (Int32(64) as any AvroModel, [0x80, 0x01]),
        (true as any AvroModel, [0x01]), (Float(1) as any AvroModel, [0x00, 0x00, 0x80, 0x3F]),
        (Double(0) as any AvroModel, [UInt8](repeating: 0, count: 8)), ([UInt8]([9]) as any AvroModel, [0x02, 0x09]),
        (AvroNull() as any AvroModel, []),
    ])
    func standardTypesAreModelsOfThePrimitiveSchemas(value: any AvroModel, bytes: [UInt8]) throws {
        #expect(try value.avroEncoded() == bytes)
        let codec = AvroGenericCodec(schema: type(of: value).avroSchema)
        #expect(try codec.encode(codec.decode(bytes)) == bytes)
        #expect(type(of: value).avroRabinFingerprint == type(of: value).avroSchema.rabinFingerprint)
    }
}
