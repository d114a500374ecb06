/// An error as a Confluent-compatible Schema Registry reports it: an HTTP status, Confluent's `error_code` and a
/// message. The server answers with it, the client throws it, and the in-memory registry throws the same values.
public struct RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status (404, 409, 422, 500, …).
    public var status: Int
    /// Confluent's error code (40401, 42201, …); equal to `status` for plain HTTP errors.
    public var code: Int
    /// The registry's message, for a person.
    public var message: String

    /// Creates an error.
    public init(status: Int, code: Int, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(message) (HTTP \(status), error code \(code))" }
}

extension RegistryError {
    /// 40401: the subject has no live version (or, with `deleted`, no version at all).
    public static func subjectNotFound(_ subject: String) -> RegistryError {
        RegistryError(status: 404, code: 40401, message: "Subject '\(subject)' not found.")
    }

    /// 40402: the subject has no such version.
    public static func versionNotFound(_ version: String) -> RegistryError {
        RegistryError(status: 404, code: 40402, message: "Version \(version) not found.")
    }

    /// 40403: no schema has this id.
    public static func schemaNotFound(id: Int) -> RegistryError {
        RegistryError(status: 404, code: 40403, message: "Schema \(id) not found")
    }

    /// 40403 without an id: a lookup found no such schema in the subject, or the id's subjects were asked for.
    public static let schemaNotFound = RegistryError(status: 404, code: 40403, message: "Schema not found")

    /// 40404: the subject was soft-deleted; only a permanent delete applies now.
    public static func subjectSoftDeleted(_ subject: String) -> RegistryError {
        RegistryError(
            status: 404, code: 40404,
            message: "Subject '\(subject)' was soft deleted.Set permanent=true to delete permanently")
    }

    /// 40405: a permanent delete of a subject that was not soft-deleted first.
    public static func subjectNotSoftDeleted(_ subject: String) -> RegistryError {
        RegistryError(
            status: 404, code: 40405,
            message: "Subject '\(subject)' was not deleted first before being permanently deleted")
    }

    /// 40406: the version was soft-deleted; only a permanent delete applies now.
    public static func versionSoftDeleted(_ subject: String, _ version: String) -> RegistryError {
        RegistryError(
            status: 404, code: 40406,
            message: "Subject '\(subject)' Version \(version) was soft deleted.Set permanent=true to delete permanently"
        )
    }

    /// 40407: a permanent delete of a version that was not soft-deleted first.
    public static func versionNotSoftDeleted(_ subject: String, _ version: Int) -> RegistryError {
        RegistryError(
            status: 404, code: 40407,
            message: "Subject '\(subject)' Version \(version) was not deleted first before being permanently deleted")
    }

    /// 40408: the subject has no compatibility level of its own.
    public static func subjectCompatibilityNotConfigured(_ subject: String) -> RegistryError {
        RegistryError(
            status: 404, code: 40408,
            message: "Subject '\(subject)' does not have subject-level compatibility configured")
    }

    /// 40409: the subject has no mode of its own.
    public static func subjectModeNotConfigured(_ subject: String) -> RegistryError {
        RegistryError(
            status: 404, code: 40409, message: "Subject '\(subject)' does not have subject-level mode configured")
    }

    /// 409: the schema breaks the subject's compatibility level; `details` are the checker's reasons.
    public static func incompatibleSchema(_ subject: String, details: [String]) -> RegistryError {
        RegistryError(
            status: 409, code: 409,
            message: "Schema being registered is incompatible with an earlier schema for subject \"\(subject)\", "
                + "details: [\(details.joined(separator: ", "))]")
    }

    /// 42201: the schema does not parse, or breaks a rule the registry enforces.
    public static func invalidSchema(_ detail: String) -> RegistryError {
        RegistryError(status: 422, code: 42201, message: "Invalid schema \(detail)")
    }

    /// 42202: a version that is neither a number in 1…2³¹−1, `latest` nor `-1`.
    public static func invalidVersion(_ version: String) -> RegistryError {
        RegistryError(
            status: 422, code: 42202,
            message: "The specified version '\(version)' is not a valid version id. Allowed values are between "
                + "[1, 2^31-1] and the string \"latest\"")
    }

    /// 42203: an unknown compatibility level.
    public static let invalidCompatibilityLevel = RegistryError(
        status: 422, code: 42203,
        message: "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, "
            + "forward_transitive, and full_transitive")

    /// 42204: an unknown mode.
    public static let invalidMode = RegistryError(
        status: 422, code: 42204, message: "Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.")

    /// 42205: the mode forbids the operation.
    public static func operationNotPermitted(_ message: String) -> RegistryError {
        RegistryError(status: 422, code: 42205, message: message)
    }

    /// 42206: other schemas reference the one to delete.
    public static func referenceExists(_ subject: String, _ version: Int) -> RegistryError {
        RegistryError(
            status: 422, code: 42206,
            message:
                "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=\(subject),version=\(version)}."
        )
    }

    /// 42201: a schema type other than `AVRO` (exactly so spelled; only Avro is served).
    public static func unsupportedSchemaType(_ type: String) -> RegistryError {
        RegistryError(status: 422, code: 42201, message: "Invalid schema type \(type)")
    }

    /// 42208: a subject name the registry does not accept (control characters, reserved names).
    public static func invalidSubject(_ subject: String) -> RegistryError {
        RegistryError(status: 422, code: 42208, message: "The specified subject '\(subject)' is not a valid.")
    }

    /// 50001: the store failed.
    public static func storeError(_ detail: String) -> RegistryError {
        RegistryError(status: 500, code: 50001, message: "Error while storing the schema: \(detail)")
    }

    /// 50002: the operation timed out.
    public static let operationTimeout = RegistryError(status: 500, code: 50002, message: "Operation timed out")

    /// 50003: forwarding to the leader failed (not used by a single-node registry, kept for clients).
    public static let forwardingError = RegistryError(
        status: 500, code: 50003, message: "Error while forwarding the request to the leader")

    /// A plain HTTP error (e.g. 404 for an unknown route), whose code is its status.
    public static func http(_ status: Int, _ message: String) -> RegistryError {
        RegistryError(status: status, code: status, message: message)
    }
}
