/// Reads the `logicalType` attribute of a schema object and checks it against the underlying type.
///
/// The specification says an unknown or invalid logical type is ignored and the underlying type used; the
/// result records why, so lint can report it.
enum LogicalTypeParser {
    /// The underlying type a logical type annotates.
    enum Host {
        case null, boolean, int, long, float, double, bytes, string, fixed(size: Int), other
    }

    /// - Returns: the valid logical type, or the ignored one with its reason, and the attributes it consumed
    ///   (they are not custom properties).
    static func parse(
        _ object: JSONObject, for kind: Schema.Kind
    ) -> (LogicalType?, IgnoredLogicalType?, Set<String>) {
        parse(object, for: host(of: kind))
    }

    static func parse(_ object: JSONObject, for host: Host) -> (LogicalType?, IgnoredLogicalType?, Set<String>) {
        guard let attribute = object["logicalType"] else { return (nil, nil, []) }
        guard let name = attribute.stringValue else {
            return (nil, IgnoredLogicalType(name: "", reason: "\"logicalType\" is not a string"), ["logicalType"])
        }
        switch validate(name, object, host) {
        case .success(let logicalType):
            let consumed: Set<String> =
                if case .decimal = logicalType { ["logicalType", "precision", "scale"] } else { ["logicalType"] }
            return (logicalType, nil, consumed)
        case .failure(let reason):
            return (nil, IgnoredLogicalType(name: name, reason: reason.text), ["logicalType"])
        }
    }

    private struct Reason: Error {
        var text: String
    }

    private static func host(of kind: Schema.Kind) -> Host {
        switch kind {
        case .null: return .null
        case .boolean: return .boolean
        case .int: return .int
        case .long: return .long
        case .float: return .float
        case .double: return .double
        case .bytes: return .bytes
        case .string: return .string
        case .fixed(let fixed): return .fixed(size: fixed.size)
        default: return .other
        }
    }

    private static func validate(_ name: String, _ object: JSONObject, _ host: Host) -> Result<LogicalType, Reason> {
        func on(_ logicalType: LogicalType, _ accepted: Bool, _ requirement: String) -> Result<LogicalType, Reason> {
            accepted ? .success(logicalType) : .failure(Reason(text: "\(name) must annotate \(requirement)"))
        }
        let isInt = if case .int = host { true } else { false }
        let isLong = if case .long = host { true } else { false }
        let isString = if case .string = host { true } else { false }
        let isBytes = if case .bytes = host { true } else { false }
        var fixedSize: Int? = nil
        if case .fixed(let size) = host { fixedSize = size }

        switch name {
        case "decimal":
            guard isBytes || fixedSize != nil else {
                return .failure(Reason(text: "decimal must annotate bytes or fixed"))
            }
            return decimal(object, fixedSize: fixedSize)
        case "big-decimal": return on(.bigDecimal, isBytes, "bytes")
        case "uuid": return on(.uuid, isString || fixedSize == 16, "string or fixed of size 16")
        case "date": return on(.date, isInt, "int")
        case "time-millis": return on(.timeMillis, isInt, "int")
        case "time-micros": return on(.timeMicros, isLong, "long")
        case "timestamp-millis": return on(.timestampMillis, isLong, "long")
        case "timestamp-micros": return on(.timestampMicros, isLong, "long")
        case "timestamp-nanos": return on(.timestampNanos, isLong, "long")
        case "local-timestamp-millis": return on(.localTimestampMillis, isLong, "long")
        case "local-timestamp-micros": return on(.localTimestampMicros, isLong, "long")
        case "local-timestamp-nanos": return on(.localTimestampNanos, isLong, "long")
        case "duration": return on(.duration, fixedSize == 12, "fixed of size 12")
        default: return .failure(Reason(text: "unknown logical type \"\(name)\""))
        }
    }

    private static func decimal(_ object: JSONObject, fixedSize: Int?) -> Result<LogicalType, Reason> {
        guard let precisionValue = object["precision"] else {
            return .failure(Reason(text: "decimal needs a \"precision\""))
        }
        guard let precisionNumber = precisionValue.numberValue, precisionNumber.isInteger,
            let precision = Int32(precisionNumber.text), precision > 0
        else { return .failure(Reason(text: "decimal precision must be a positive integer")) }
        var scale: Int32 = 0
        if let scaleValue = object["scale"] {
            guard let scaleNumber = scaleValue.numberValue, scaleNumber.isInteger, let parsed = Int32(scaleNumber.text),
                parsed >= 0
            else { return .failure(Reason(text: "decimal scale must be a non-negative integer")) }
            scale = parsed
        }
        guard scale <= precision else {
            return .failure(Reason(text: "decimal scale \(scale) exceeds its precision \(precision)"))
        }
        if let fixedSize {
            let maximum = LogicalType.maxDecimalPrecision(fixedSize: fixedSize)
            guard Int(precision) <= maximum else {
                return .failure(
                    Reason(
                        text:
                            "decimal precision \(precision) does not fit a fixed of \(fixedSize) bytes (at most \(maximum))"
                    ))
            }
        }
        return .success(.decimal(precision: Int(precision), scale: Int(scale)))
    }
}
