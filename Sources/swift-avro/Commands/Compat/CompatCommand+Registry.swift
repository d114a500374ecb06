import Avro
import AvroRegistry

extension CompatCommand {
    /// The level to check at (--level, else the subject's configured level) and the versions of `subject` it
    /// checks against: the latest, or every one for a transitive level; none for a subject with no version.
    func registryVersions(
        of subject: String
    ) async throws -> (level: CompatibilityLevel, versions: [(name: String, schema: Schema)]) {
        var level = self.level ?? .backward
        var versions: [(name: String, schema: Schema)] = []
        try await registry.withClient { client in
            let live = try await Self.liveVersions(of: subject, client: client)
            if let given = self.level {
                level = given
            } else {
                level = try await client.compatibility(subject: subject, defaultToGlobal: true)
            }
            // Only a transitive level looks past the latest version: fetch no more than it checks.
            for number in level.isTransitive ? live : live.suffix(1) {
                let version = try await client.version(.number(number), of: subject)
                versions.append(("\(subject) (version \(number))", try await client.parsedSchema(id: version.id)))
            }
        }
        return (level, versions)
    }

    /// The live versions of `subject`, oldest first; none for a subject the registry does not have.
    private static func liveVersions(of subject: String, client: SchemaRegistryClient) async throws -> [Int] {
        do {
            return try await client.versions(of: subject).sorted()
        } catch let error as RegistryError where error.code == 40401 {
            return []
        }
    }
}
