import Avro
import AvroTooling
import Foundation

extension CompatCommand {
    /// The earlier versions of `file` at `commit` (the ref `ref`): every version in the ref's history for a
    /// transitive level, else the ref's version; none when the ref lacks the file. Each is parsed with the files
    /// of `context` as they were at the ref (as they are now when the ref lacks them), not beside the file's own
    /// new version.
    func gitVersions(
        of file: String, ref: String, commit: String, level: CompatibilityLevel, context: [String]
    ) throws -> [(name: String, schema: Schema)] {
        let found =
            level.isTransitive
            ? try GitFiles.history(of: file, at: commit)
            : try GitFiles.show(file, at: commit).map { [$0] } ?? []
        if found.isEmpty { return [] }
        let target = URL(fileURLWithPath: file).standardized.path
        let sources = try SchemaInputs.read(context).filter {
            URL(fileURLWithPath: $0.name).standardized.path != target
        }.map { source in
            let earlier = (try? GitFiles.show(source.name, at: commit)) ?? nil
            return (name: source.name, bytes: earlier.map { Array($0.text.utf8) } ?? source.bytes)
        }
        return try found.map { version in
            let name = "\(ref):\(version.path)" + (found.count > 1 ? "@\(version.commit.prefix(12))" : "")
            return (name, try SchemaInputs.parseText(version.text, name: name, context: sources))
        }
    }
}
