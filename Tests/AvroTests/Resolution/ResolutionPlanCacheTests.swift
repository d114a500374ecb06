import Testing

@testable import Avro

/// The resolution plan cache is bounded and keyed by SHA-256 digests (issue 12).
@Suite struct ResolutionPlanCacheTests {
    static func record(_ fields: String) throws -> Schema {
        try Schema(parsing: #"{"type": "record", "name": "R", "fields": ["# + fields + "]}")
    }

    @Test func theCacheKeepsAtMostItsCapacity() throws {
        let cache = ResolutionPlanCache(capacity: 4)
        let reader = try Self.record(#"{"name": "a", "type": "long", "default": 0}"#)
        for index in 0..<20 {
            let writer = try Self.record(#"{"name": "f\#(index)", "type": "int"}"#)
            _ = try cache.plan(writer: writer, reader: reader)
            #expect(cache.count <= 4)
        }
        #expect(cache.count == 4)
        #expect(ResolutionPlanCache.shared.capacity == ResolutionPlanCache.defaultCapacity)
    }

    @Test func theLeastRecentlyUsedPlanIsEvicted() throws {
        let cache = ResolutionPlanCache(capacity: 2)
        let reader = try Self.record(#"{"name": "a", "type": "long", "default": 0}"#)
        let first = try Self.record(#"{"name": "x", "type": "int"}"#)
        let second = try Self.record(#"{"name": "y", "type": "int"}"#)
        let third = try Self.record(#"{"name": "z", "type": "int"}"#)
        let kept = try cache.plan(writer: first, reader: reader)
        _ = try cache.plan(writer: second, reader: reader)
        #expect(try cache.plan(writer: first, reader: reader) === kept)  // first is now the most recent
        _ = try cache.plan(writer: third, reader: reader)  // evicts second
        #expect(try cache.plan(writer: first, reader: reader) === kept)
        #expect(cache.count == 2)
    }

    @Test func readersWithEqualCanonicalFormsButOtherDefaultsGetTheirOwnPlans() throws {
        let cache = ResolutionPlanCache()
        let writer = try Self.record(#"{"name": "a", "type": "int"}"#)
        let one = try Self.record(#"{"name": "a", "type": "int"}, {"name": "b", "type": "int", "default": 1}"#)
        let two = try Self.record(#"{"name": "a", "type": "int"}, {"name": "b", "type": "int", "default": 2}"#)
        #expect(one.canonicalForm == two.canonicalForm)
        let codecOne = try AvroGenericCodec(writer: writer, reader: one)
        let codecTwo = try AvroGenericCodec(writer: writer, reader: two)
        #expect(try codecOne.decode([0x02]) == .record([.int(1), .int(1)]))
        #expect(try codecTwo.decode([0x02]) == .record([.int(1), .int(2)]))
        #expect(try cache.plan(writer: writer, reader: one) !== cache.plan(writer: writer, reader: two))
    }
}
