import Foundation

/// Paths of the repository and of `../shared` beside it, found from this source file.
enum TestFiles {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let shared: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static let corpus: URL = shared.appendingPathComponent("corpus")

    static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }
}
