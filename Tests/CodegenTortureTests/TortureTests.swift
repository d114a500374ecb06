import Avro
import AvroTooling
import Foundation
import Testing

/// The extra conformance `swift-avro.json` asks for.
protocol TortureMarker {}

/// Generated models of hostile schemas: they compile (with Codable and an extra conformance), and they encode
/// exactly what the generic codec encodes for random values of their schema.
@Suite struct TortureTests {
    static func checkRoundTrips<Model: AvroModel & Hashable & Codable & TortureMarker>(
        _ type: Model.Type, count: Int = 200, seed: UInt64
    ) throws {
        var generator = SeededRandom(seed: seed)
        let codec = AvroGenericCodec(schema: Model.avroSchema)
        for _ in 0..<count {
            let value = try AvroValue.random(for: Model.avroSchema, using: &generator, maxDepth: 6)
            let bytes = try codec.encode(value)
            let model = try Model(avroEncoded: bytes)
            #expect(try model.avroEncoded() == bytes)
            let json = try JSONEncoder().encode(model)
            #expect(try JSONDecoder().decode(Model.self, from: json).avroEncoded() == bytes)
        }
    }

    @Test func keywordsAndSwiftNames() throws {
        try Self.checkRoundTrips(CodegenTortureTests.String.self, seed: 1)
        // Every parameter has the schema default.
        let defaults = CodegenTortureTests.String()
        #expect(defaults.`class` == 1 && defaults.self_ == "self" && defaults.Type_ == .min && defaults.`init`)
        #expect(defaults.`protocol` == .`case` && defaults.Data.bytes == [0x00, 0xFF, 0x41])
        #expect(defaults.Date == CodegenTortureTests.Date(Swift_: 7, Avro_: "\"quoted\" \\ \n"))
        #expect(defaults.Swift_ == 1e10 && defaults.Avro_ == -0.5 && defaults.avroSchema == [0, 1, 0xFF])
        #expect(defaults.reader == [1, 2, 3] && defaults.writer == ["a": 1] && defaults.value == AvroNull())
        #expect(defaults.element == CodegenTortureTests.Date(Swift_: 2, Avro_: "x") && defaults.Any == .string("in"))
        #expect(defaults.notANumber.isNaN && defaults.`where` == nil && defaults.present == nil)
        #expect(
            Protocol_.allCases.map(\.rawValue) == [
                "self", "Type", "case", "default", "init", "none", "Self", "rawValue",
            ])
    }

    @Test func equalShortNamesInDifferentNamespaces() throws {
        try Self.checkRoundTrips(Account.self, seed: 2)
        let account = Account(
            billing: TortureBillingUser(iban: "DE00"), auth: TortureAuthUser(login: "ada"),
            either: .tortureAuthUser(TortureAuthUser(login: "bob")), status: .open, authStatus: .locked)
        #expect(try Account(avroEncoded: account.avroEncoded()) == account)
    }

    @Test func wideAndNestedUnions() throws {
        try Self.checkRoundTrips(Unions.self, seed: 3)
        let defaults = Unions()
        #expect(defaults.ten == .boolean(true) && defaults.tenAndNull == .int(5) && defaults.nested.isEmpty)
        #expect(defaults.nullLast == Point(x: 1, y: 2))
        var withNull = defaults
        withNull.tenAndNull = nil
        #expect(try Unions(avroEncoded: withNull.avroEncoded()).tenAndNull == nil)
    }

    @Test func recursion() throws {
        try Self.checkRoundTrips(Forest.self, count: 100, seed: 4)
        let sum = Expr(
            node: .add(
                Add(
                    left: Expr(node: .long(1)),
                    right: Expr(node: .add(Add(left: Expr(node: .long(2)), right: Expr(node: .string("x"))))))))
        let forest = Forest(
            list: Node(value: 1, next: Node(value: 2)),
            tree: Tree(label: "root", children: [Tree(label: "leaf", children: [])]),
            graph: Graph(edges: ["a": Graph(edges: [:])]), ping: Ping(pong: Pong(ping: Ping(pong: nil))),
            expression: sum)
        #expect(try Forest(avroEncoded: forest.avroEncoded()) == forest)
    }

    @Test func deepNesting() throws {
        try Self.checkRoundTrips(Deep.self, count: 50, seed: 5)
    }

    @Test func logicalTypesAtTheirEdges() throws {
        try Self.checkRoundTrips(Logical.self, seed: 6)
        let defaults = Logical(bigDecimal: AvroDecimal("-1.5", scale: 3)!, uuidFixed: UUID())
        #expect(defaults.decimalBytes.description == "-0.000000001")
        #expect(defaults.decimalFixed.description == "92233720368547758.07")
        #expect(defaults.uuidString == UUID(uuidString: "00000000-0000-0000-0000-000000000000"))
        #expect(defaults.date.daysSinceEpoch == .min && defaults.timeMillis.ticksSinceMidnight == 86_399_999)
        #expect(defaults.timestampMillis.ticksSinceEpoch == .min && defaults.timestampMicros.ticksSinceEpoch == .max)
        #expect(defaults.duration == AvroDuration(months: 1, days: 2, milliseconds: .max))
        #expect(defaults.dates == [AvroDate(daysSinceEpoch: 0), AvroDate(year: 2022, month: 1, day: 8)])
        #expect(defaults.ignored == "not a logical type on string")
        #expect(try Logical(avroEncoded: defaults.avroEncoded()) == defaults)

        // Values the schema cannot hold are encoding errors, not crashes or silent rounding.
        var tooPrecise = defaults
        tooPrecise.decimalFixed = AvroDecimal("0.001", scale: 3)!
        #expect(throws: AvroCodingError.self) { try tooPrecise.avroEncoded() }
        var tooLarge = defaults
        tooLarge.decimalFixed = AvroDecimal("100000000000000000.00", scale: 2)!
        #expect(throws: AvroCodingError.self) { try tooLarge.avroEncoded() }
        var tooLate = defaults
        tooLate.timeMillis = AvroTimeOfDay(ticksSinceMidnight: Int64(Int32.max) + 1)
        #expect(throws: AvroCodingError.self) { try tooLate.avroEncoded() }
        // A decimal at a smaller scale is written exactly at the schema's scale.
        var rescaled = defaults
        rescaled.decimalFixed = AvroDecimal("12.5", scale: 1)!
        #expect(try Logical(avroEncoded: rescaled.avroEncoded()).decimalFixed.description == "12.50")
    }
}

/// An enum without symbols (issue 12): the generated enum has no cases and compiles, models holding it only
/// where no value is needed round-trip, and data that claims a value of it is an error, never a trap.
@Suite struct EmptyEnumTests {
    @Test func holdersOfAnEmptyEnumRoundTrip() throws {
        try TortureTests.checkRoundTrips(Vacant.self, seed: 8)
        let vacant = Vacant()
        #expect(vacant.maybe == nil && vacant.none.isEmpty && vacant.byKey.isEmpty && vacant.label == "vacant")
        #expect(Nothing.allCases.isEmpty)
        #expect(try Vacant(avroEncoded: vacant.avroEncoded()) == vacant)
    }

    @Test func dataClaimingAValueOfAnEmptyEnumIsAnError() {
        // maybe: branch 1 (the enum), index 0.
        let error = #expect(throws: AvroCodingError.self) { try Vacant(avroEncoded: [0x02, 0x00, 0x00, 0x00, 0x00]) }
        #expect(error?.kind == .invalidIndex)
        #expect(throws: AvroCodingError.self) { try Nothing(avroEncoded: [0x00]) }
        #expect(throws: AvroCodingError.self) { try AvroGenericCodec(schema: Nothing.avroSchema).decode([0x00]) }
    }

    @Test func randomValuesOfAnEmptyEnumAreAnError() {
        var generator = SeededRandom(seed: 1)
        let error = #expect(throws: AvroCodingError.self) {
            try AvroValue.random(for: Nothing.avroSchema, using: &generator)
        }
        #expect(error?.message.contains("no symbols") == true)
    }
}
