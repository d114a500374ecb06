import Testing

@testable import Avro

/// Reader/writer pairs restated from Apache Avro Java's `TestSchemaCompatibility*` suites (compatible pairs,
/// then one group per incompatibility kind), with the kinds Java reports.
@Suite struct SchemaCompatibilityTests {
    struct Pair: Sendable, CustomTestStringConvertible {
        var reader: String
        var writer: String
        var kinds: [ResolutionError.Kind]
        var testDescription: String { "reader \(reader) ← writer \(writer)" }
        init(_ reader: String, _ writer: String, _ kinds: [ResolutionError.Kind] = []) {
            self.reader = reader
            self.writer = writer
            self.kinds = kinds
        }
    }

    static let compatible: [Pair] = [
        Pair(S.boolean, S.boolean), Pair(S.int, S.int), Pair(S.long, S.int), Pair(S.long, S.long),
        Pair(S.float, S.int), Pair(S.float, S.long), Pair(S.double, S.long), Pair(S.double, S.int),
        Pair(S.double, S.float), Pair(S.string, S.string), Pair(S.bytes, S.bytes), Pair(S.intArray, S.intArray),
        Pair(S.longArray, S.intArray), Pair(S.intMap, S.intMap), Pair(S.longMap, S.intMap),
        Pair(S.enum1AB, S.enum1AB), Pair(S.enum1ABC, S.enum1AB), Pair(S.string, S.bytes), Pair(S.bytes, S.string),
        Pair(S.emptyUnion, S.emptyUnion), Pair(S.floatUnion, S.emptyUnion), Pair(S.intUnion, S.intUnion),
        Pair(S.intStringUnion, S.stringIntUnion), Pair(S.intUnion, S.emptyUnion), Pair(S.longUnion, S.emptyUnion),
        Pair(S.longUnion, S.intUnion), Pair(S.doubleUnion, S.intUnion), Pair(S.doubleUnion, S.longUnion),
        Pair(S.doubleUnion, S.floatUnion), Pair(S.doubleUnion, S.intFloatUnion), Pair(S.stringUnion, S.emptyUnion),
        Pair(S.stringUnion, S.bytesUnion), Pair(S.bytesUnion, S.emptyUnion), Pair(S.bytesUnion, S.stringUnion),
        Pair(S.float, S.intFloatUnion), Pair(S.long, S.intLongUnion), Pair(S.double, S.intFloatUnion),
        Pair(S.double, S.intLongFloatDoubleUnion), Pair(S.float, S.floatUnion), Pair(S.intUnion, S.int),
        Pair(S.int, S.intUnion), Pair(S.fixed4, S.fixed4), Pair(S.emptyRecord1, S.emptyRecord1),
        Pair(S.emptyRecord1, S.aIntRecord1), Pair(S.aIntRecord1, S.aIntRecord1), Pair(S.aDintRecord1, S.aIntRecord1),
        Pair(S.aDintRecord1, S.aDintRecord1), Pair(S.aIntRecord1, S.aDintRecord1), Pair(S.aLongRecord1, S.aIntRecord1),
        Pair(S.aIntRecord1, S.aIntBIntRecord1), Pair(S.aDintRecord1, S.aIntBIntRecord1),
        Pair(S.aIntBDintRecord1, S.aIntRecord1), Pair(S.aDintBDintRecord1, S.emptyRecord1),
        Pair(S.aDintBDintRecord1, S.aIntRecord1), Pair(S.aIntBIntRecord1, S.aDintBDintRecord1),
        Pair(S.intListRecord, S.intListRecord), Pair(S.longListRecord, S.longListRecord),
        Pair(S.longListRecord, S.intListRecord), Pair(S.null, S.null), Pair(S.nullUnion, S.null),
        Pair(S.enum1ABDefault, S.enum1ABC),
        // Named types match on their unqualified names (TestSchemaCompatibility*: namespaces are not compared).
        Pair(S.withNamespace, S.withoutNamespace), Pair(S.withoutNamespace, S.withNamespace),
        Pair(S.enum1ABNamespace1, S.enum1ABNamespace2), Pair(S.nsRecord1, S.nsRecord2),
        Pair(S.nullIntArrayUnion, S.intArray), Pair(S.nullIntMapUnion, S.intMap), Pair(S.unionIntNull, S.null),
    ]

    static let typeMismatch: [Pair] = [
        Pair(S.null, S.int), Pair(S.null, S.long), Pair(S.boolean, S.int), Pair(S.int, S.null), Pair(S.int, S.boolean),
        Pair(S.int, S.long), Pair(S.int, S.float), Pair(S.int, S.double), Pair(S.long, S.float), Pair(S.long, S.double),
        Pair(S.float, S.double), Pair(S.double, S.string), Pair(S.fixed4, S.string), Pair(S.string, S.boolean),
        Pair(S.string, S.int), Pair(S.bytes, S.null), Pair(S.bytes, S.int), Pair(S.aIntRecord1, S.int),
        Pair(S.intArray, S.longArray), Pair(S.intMap, S.intArray), Pair(S.intArray, S.intMap),
        Pair(S.intMap, S.longMap), Pair(S.int, S.enum2AB), Pair(S.enum2AB, S.int),
        Pair(S.float, S.intLongFloatDoubleUnion),
        Pair(S.intListRecord, S.longListRecord), Pair(S.null, S.intUnion),
    ].map { Pair($0.reader, $0.writer, [.typeMismatch]) }

    static let incompatible: [Pair] = [
        // NAME_MISMATCH
        Pair(S.enum1AB, S.enum2AB, [.nameMismatch]), Pair(S.emptyRecord2, S.emptyRecord1, [.nameMismatch]),
        Pair(S.fixed4, #"{"type": "fixed", "name": "Other", "size": 4}"#, [.nameMismatch]),
        Pair(S.aDintBDenum1Record1, S.aDintBDenum2Record1, [.nameMismatch]),
        // FIXED_SIZE_MISMATCH
        Pair(S.fixed4, S.fixed8, [.fixedSizeMismatch]), Pair(S.fixed8, S.fixed4, [.fixedSizeMismatch]),
        Pair(S.aDintBDfixed8Record1, S.aDintBDfixed4Record1, [.fixedSizeMismatch]),
        Pair(S.aDintBDfixed4Record1, S.aDintBDfixed8Record1, [.fixedSizeMismatch]),
        // MISSING_ENUM_SYMBOLS
        Pair(S.enum1AB, S.enum1ABC, [.missingEnumSymbols]), Pair(S.enum1BC, S.enum1ABC, [.missingEnumSymbols]),
        Pair(S.enum1AB, S.enum1BC, [.missingEnumSymbols]),
        Pair(
            #"{"type": "record", "name": "R", "fields": [{"name": "e", "type": \#(S.enum1AB)}]}"#,
            #"{"type": "record", "name": "R", "fields": [{"name": "e", "type": \#(S.enum1ABC)}]}"#,
            [.missingEnumSymbols]),
        // READER_FIELD_MISSING_DEFAULT_VALUE
        Pair(S.aIntRecord1, S.emptyRecord1, [.readerFieldMissingDefaultValue]),
        Pair(S.aIntBDintRecord1, S.emptyRecord1, [.readerFieldMissingDefaultValue]),
        Pair(S.aIntBIntRecord1, S.aIntRecord1, [.readerFieldMissingDefaultValue]),
        Pair(S.aIntBIntRecord1, S.emptyRecord1, [.readerFieldMissingDefaultValue, .readerFieldMissingDefaultValue]),
        Pair(
            #"{"type": "record", "name": "R", "fields": [{"name": "n", "type": ["null", "string"]}]}"#,
            #"{"type": "record", "name": "R", "fields": []}"#, [.readerFieldMissingDefaultValue]),
        // MISSING_UNION_BRANCH
        Pair(S.intUnion, S.intStringUnion, [.missingUnionBranch]),
        Pair(S.stringUnion, S.intStringUnion, [.missingUnionBranch]),
        Pair(S.intUnion, S.unionIntRecord1, [.missingUnionBranch]),
        Pair(S.intUnion, S.unionIntRecord2, [.missingUnionBranch]),
        Pair(S.unionIntRecord1, S.unionIntRecord2, [.missingUnionBranch]),
        Pair(S.intUnion, S.unionIntEnum1AB, [.missingUnionBranch]),
        Pair(S.intUnion, S.unionIntFixed4, [.missingUnionBranch]),
        Pair(S.intUnion, S.unionIntBoolean, [.missingUnionBranch]),
        Pair(S.intUnion, S.unionIntArrayInt, [.missingUnionBranch]),
        Pair(S.intUnion, S.unionIntMapInt, [.missingUnionBranch]),
        Pair(S.intUnion, S.unionIntNull, [.missingUnionBranch]),
        Pair(S.unionIntFixed4, S.unionFixed8, [.missingUnionBranch]),
        Pair(S.unionIntRecord1, S.unionRecord2, [.missingUnionBranch]),
        Pair(S.unionIntEnum1AB, S.unionEnum2, [.missingUnionBranch]),
        Pair(S.intStringUnion, S.intLongUnion, [.missingUnionBranch]),
        Pair(S.nullUnion, S.int, [.missingUnionBranch]), Pair(S.intUnion, S.string, [.missingUnionBranch]),
        Pair(S.stringUnion, #"["string", "int", "long"]"#, [.missingUnionBranch, .missingUnionBranch]),
        Pair(S.emptyUnion, S.int, [.missingUnionBranch]),
        // A writer union read by a non-union reader: every branch is checked, each failure reported.
        Pair(S.int, S.intStringUnion, [.typeMismatch]),
        Pair(S.boolean, S.intStringUnion, [.typeMismatch, .typeMismatch]),
        // Several incompatibilities at once, all reported.
        Pair(
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "e", "type": \#(S.enum1AB)}, {"name": "x", "type": "string"}]}"#,
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"}, {"name": "e", "type": \#(S.enum1ABC)}]}"#,
            [.typeMismatch, .missingEnumSymbols, .readerFieldMissingDefaultValue]),
    ]

    static let all = compatible + typeMismatch + incompatible

    @Test func thereAreEnoughCases() {
        #expect(Self.all.count >= 120)
    }

    @Test(arguments: all)
    func reportsJavasKinds(pair: Pair) throws {
        let found = SchemaCompatibility.incompatibilities(
            reader: try parse(pair.reader), writer: try parse(pair.writer))
        #expect(found.map(\.kind) == pair.kinds, "\(found)")
    }

    @Test(arguments: all)
    func agreesWithTheResolver(pair: Pair) throws {
        // One source of truth: a compatible pair compiles into a plan without failure nodes, and an incompatible
        // one either fails to compile or can fail on some datum.
        let reader = try parse(pair.reader)
        let writer = try parse(pair.writer)
        let plan = try? ResolutionCompiler.compile(writer: writer, reader: reader)
        let canFail =
            plan.map { plan in
                plan.nodes.contains { if case .failure = $0 { return true } else { return false } }
                    || plan.enumTables.contains {
                        $0.contains { if case .failure = $0 { return true } else { return false } }
                    }
            } ?? true
        #expect(canFail == !pair.kinds.isEmpty)
    }

    @Test func reportsLocationsInBothSchemas() throws {
        let reader = try parse(
            """
            {"type": "record", "name": "R", "fields": [
              {"name": "a", "type": "int"}]}
            """)
        let writer = try parse(#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"}]}"#)
        let found = SchemaCompatibility.incompatibilities(reader: reader, writer: writer)
        #expect(found.count == 1)
        #expect(found.first?.readerLocation.path.description == "fields[0].type")
        #expect(found.first?.readerLocation.position == SourcePosition(line: 2, column: 25))
        #expect(found.first?.writerLocation.path.description == "fields[0].type")
    }

    @Test func strictModeFlagsWhatJavaLetsThrough() throws {
        let v1 = try parse(
            #"{"type": "record", "name": "a.R", "fields": [{"name": "p", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}}, {"name": "t", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}"#
        )
        let v2 = try parse(
            #"{"type": "record", "name": "b.R", "fields": [{"name": "p", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 3}}, {"name": "t", "type": {"type": "long", "logicalType": "timestamp-micros"}}]}"#
        )
        #expect(SchemaCompatibility.incompatibilities(reader: v2, writer: v1).isEmpty)
        let strict = SchemaCompatibility.incompatibilities(reader: v2, writer: v1, strict: true)
        #expect(Set(strict.compactMap(\.strictKind)) == [.namespaceChanged, .decimalChanged, .logicalTypeChanged])
        for finding in strict {
            let kind = try #require(finding.strictKind)
            #expect(finding.message.hasPrefix("[\(kind.rawValue)] "))
        }
    }
}
