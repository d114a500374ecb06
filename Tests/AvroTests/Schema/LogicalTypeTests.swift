import Testing

@testable import Avro

@Suite struct LogicalTypeTests {
    @Test(arguments: [
        (
            #"{"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}"#,
            LogicalType.decimal(precision: 10, scale: 2)
        ),
        (#"{"type": "bytes", "logicalType": "decimal", "precision": 4}"#, .decimal(precision: 4, scale: 0)),
        (
            #"{"type": "fixed", "name": "D", "size": 16, "logicalType": "decimal", "precision": 38, "scale": 9}"#,
            .decimal(precision: 38, scale: 9)
        ),
        (#"{"type": "bytes", "logicalType": "big-decimal"}"#, .bigDecimal),
        (#"{"type": "string", "logicalType": "uuid"}"#, .uuid),
        (#"{"type": "fixed", "name": "U", "size": 16, "logicalType": "uuid"}"#, .uuid),
        (#"{"type": "int", "logicalType": "date"}"#, .date),
        (#"{"type": "int", "logicalType": "time-millis"}"#, .timeMillis),
        (#"{"type": "long", "logicalType": "time-micros"}"#, .timeMicros),
        (#"{"type": "long", "logicalType": "timestamp-millis"}"#, .timestampMillis),
        (#"{"type": "long", "logicalType": "timestamp-micros"}"#, .timestampMicros),
        (#"{"type": "long", "logicalType": "timestamp-nanos"}"#, .timestampNanos),
        (#"{"type": "long", "logicalType": "local-timestamp-millis"}"#, .localTimestampMillis),
        (#"{"type": "long", "logicalType": "local-timestamp-micros"}"#, .localTimestampMicros),
        (#"{"type": "long", "logicalType": "local-timestamp-nanos"}"#, .localTimestampNanos),
        (#"{"type": "fixed", "name": "Dur", "size": 12, "logicalType": "duration"}"#, .duration),
    ])
    func acceptsValidLogicalTypes(text: String, expected: LogicalType) throws {
        let schema = try parse(text)
        #expect(schema.logicalType == expected)
        #expect(schema.ignoredLogicalType == nil)
        #expect(schema.logicalType?.name == JSONObjectLookup.logicalTypeName(text))
        #expect(!schema.properties.keys.contains("logicalType"))
    }

    @Test(arguments: [
        (#"{"type": "long", "logicalType": "timestamp-milis"}"#, "unknown logical type"),
        (#"{"type": "int", "logicalType": "timestamp-millis"}"#, "must annotate long"),
        (#"{"type": "long", "logicalType": "date"}"#, "must annotate int"),
        (#"{"type": "string", "logicalType": "decimal", "precision": 4}"#, "bytes or fixed"),
        (#"{"type": "bytes", "logicalType": "decimal"}"#, "needs a \"precision\""),
        (#"{"type": "bytes", "logicalType": "decimal", "precision": -7}"#, "positive integer"),
        (#"{"type": "bytes", "logicalType": "decimal", "precision": "what"}"#, "positive integer"),
        (#"{"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 2.5}"#, "non-negative integer"),
        (#"{"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 5}"#, "exceeds its precision"),
        (#"{"type": "fixed", "name": "D", "size": 2, "logicalType": "decimal", "precision": 5}"#, "at most 4"),
        (#"{"type": "fixed", "name": "U", "size": 15, "logicalType": "uuid"}"#, "fixed of size 16"),
        (#"{"type": "fixed", "name": "Dur", "size": 16, "logicalType": "duration"}"#, "fixed of size 12"),
        (#"{"type": "string", "logicalType": 7}"#, "not a string"),
    ])
    func ignoresInvalidLogicalTypesAndSaysWhy(text: String, reason: String) throws {
        let schema = try parse(text)
        #expect(schema.logicalType == nil)
        let ignored = try #require(schema.ignoredLogicalType)
        #expect(ignored.reason.contains(reason), "\(ignored.reason)")
    }

    @Test func invalidDecimalAttributesStayAsProperties() throws {
        let schema = try parse(#"{"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 5}"#)
        #expect(schema.properties.keys == ["precision", "scale"])
    }

    @Test(arguments: [(1, 2), (2, 4), (4, 9), (8, 18), (16, 38), (32, 76)])
    func maximumDecimalPrecisionOfFixed(size: Int, precision: Int) {
        #expect(LogicalType.maxDecimalPrecision(fixedSize: size) == precision)
    }
}

/// Reads the `logicalType` attribute of a schema text, to check ``LogicalType/name`` against the input.
enum JSONObjectLookup {
    static func logicalTypeName(_ text: String) -> String? {
        (try? JSONParser().parse(text))?.objectValue?["logicalType"]?.stringValue
    }
}
