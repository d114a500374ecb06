import Avro

/// The body of `POST /subjects/{subject}/versions` and `POST /subjects/{subject}` (lookup) and of compatibility
/// checks.
public struct RegisterSchemaRequest: Codable, Sendable, Hashable {
    /// The schema's JSON text.
    public var schema: String
    /// `AVRO` (the default when absent); other types are refused.
    public var schemaType: String?
    /// Named types the schema uses from other subjects.
    public var references: [SchemaReference]?
    /// In IMPORT mode: the id to register the schema under.
    public var id: Int?
    /// In IMPORT mode: the version to register the schema as.
    public var version: Int?

    enum CodingKeys: String, CodingKey {
        case schema, schemaType, references, id, version
    }

    /// Decodes a request; a missing `schema` is the empty schema (Confluent then reuses the latest version's).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decodeIfPresent(String.self, forKey: .schema) ?? ""
        schemaType = try container.decodeIfPresent(String.self, forKey: .schemaType)
        references = try container.decodeIfPresent([SchemaReference].self, forKey: .references)
        id = try container.decodeIfPresent(Int.self, forKey: .id)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
    }

    /// Creates a request.
    public init(
        schema: String, schemaType: String? = nil, references: [SchemaReference]? = nil, id: Int? = nil,
        version: Int? = nil
    ) {
        self.schema = schema
        self.schemaType = schemaType
        self.references = references
        self.id = id
        self.version = version
    }
}

/// The answer to a registration: the schema's global id.
public struct RegisterSchemaResponse: Codable, Sendable, Hashable {
    /// The global id.
    public var id: Int

    /// Creates a response.
    public init(id: Int) { self.id = id }
}

/// A schema by id (`GET /schemas/ids/{id}`): the text, its type (absent for AVRO) and its references (absent when
/// there are none).
public struct SchemaByID: Codable, Sendable, Hashable {
    /// The schema's JSON text.
    public var schema: String
    /// Absent for AVRO.
    public var schemaType: String?
    /// Absent when empty.
    public var references: [SchemaReference]?

    /// Creates a response.
    public init(schema: String, schemaType: String? = nil, references: [SchemaReference]? = nil) {
        self.schema = schema
        self.schemaType = schemaType
        self.references = references
    }
}

/// A version of a subject (`GET /subjects/{s}/versions/{v}`, lookups, `GET /schemas`).
public struct SubjectSchema: Codable, Sendable, Hashable {
    /// The subject.
    public var subject: String
    /// The version within the subject.
    public var version: Int
    /// The schema's global id.
    public var id: Int
    /// Absent for AVRO.
    public var schemaType: String?
    /// Absent when empty.
    public var references: [SchemaReference]?
    /// The schema's JSON text.
    public var schema: String

    /// Creates a response.
    public init(
        subject: String, version: Int, id: Int, schemaType: String? = nil, references: [SchemaReference]? = nil,
        schema: String
    ) {
        self.subject = subject
        self.version = version
        self.id = id
        self.schemaType = schemaType
        self.references = references
        self.schema = schema
    }
}

/// A (subject, version) pair (`GET /schemas/ids/{id}/versions`).
public struct SubjectVersion: Codable, Sendable, Hashable {
    /// The subject.
    public var subject: String
    /// The version.
    public var version: Int

    /// Creates a pair.
    public init(subject: String, version: Int) {
        self.subject = subject
        self.version = version
    }
}

/// The answer to a compatibility check.
public struct CompatibilityCheckResponse: Codable, Sendable, Hashable {
    /// Whether the schema may be registered.
    public var isCompatible: Bool
    /// With `verbose=true`: the checker's reasons (empty when compatible).
    public var messages: [String]?

    enum CodingKeys: String, CodingKey {
        case isCompatible = "is_compatible"
        case messages
    }

    /// Creates a response.
    public init(isCompatible: Bool, messages: [String]? = nil) {
        self.isCompatible = isCompatible
        self.messages = messages
    }
}

/// `GET /config[/{subject}]`.
public struct ConfigResponse: Codable, Sendable, Hashable {
    /// The level's name, e.g. `BACKWARD`.
    public var compatibilityLevel: String

    /// Creates a response.
    public init(compatibilityLevel: CompatibilityLevel) { self.compatibilityLevel = compatibilityLevel.rawValue }
}

/// The body and answer of `PUT /config[/{subject}]` (and the answer of its DELETE).
public struct ConfigUpdate: Codable, Sendable, Hashable {
    /// The level's name, e.g. `FULL_TRANSITIVE`.
    public var compatibility: String

    /// Creates an update.
    public init(compatibility: CompatibilityLevel) { self.compatibility = compatibility.rawValue }
}

/// The body and answer of `GET|PUT|DELETE /mode[/{subject}]`.
public struct ModeMessage: Codable, Sendable, Hashable {
    /// The mode's name, e.g. `READWRITE`.
    public var mode: String

    /// Creates a message.
    public init(mode: RegistryMode) { self.mode = mode.rawValue }
}

/// An error body: `{"error_code": 40401, "message": "…"}`.
public struct ErrorMessage: Codable, Sendable, Hashable {
    /// Confluent's error code.
    public var errorCode: Int
    /// The message.
    public var message: String

    enum CodingKeys: String, CodingKey {
        case errorCode = "error_code"
        case message
    }

    /// The body of `error`.
    public init(_ error: RegistryError) {
        errorCode = error.code
        message = error.message
    }
}

extension CompatibilityLevel {
    /// The level named `name`, in any letter case (Confluent accepts `backward` and `BACKWARD`).
    public init?(registryName name: String) {
        self.init(rawValue: name.uppercased())
    }
}
