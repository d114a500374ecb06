import Testing

@testable import Avro

/// Parses `text`, failing the test with the parser's message when it is invalid.
func parse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Schema {
    do {
        return try Schema(parsing: text, file: "test.avsc")
    } catch {
        Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The error that parsing `text` gives (the test fails when there is none).
func parseError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SchemaError? {
    do {
        _ = try Schema(parsing: text, file: "test.avsc")
        Issue.record("expected an error for \(text)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

extension Schema {
    var record: RecordSchema? {
        if case .record(let record) = kind { return record }
        return nil
    }
    var enumeration: EnumSchema? {
        if case .enumeration(let enumeration) = kind { return enumeration }
        return nil
    }
    var fixed: FixedSchema? {
        if case .fixed(let fixed) = kind { return fixed }
        return nil
    }
}
