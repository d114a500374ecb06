import ArgumentParser
import Foundation

/// Files as they are at a git ref, read with the git command. Every git failure is an error (exit 2, git's
/// message): a ref that does not exist must never look like a history without the file.
enum GitFiles {
    /// One version of a file: the commit, the path at that commit (renames are followed) and the text.
    struct Version {
        var commit: String
        var path: String
        var text: String
    }

    /// The commit `ref` names, checked in the repository that holds `file`. A ref starting with `-` is a ref,
    /// never an option.
    static func commit(_ ref: String, near file: String) throws -> String {
        let output = try git(["rev-parse", "--verify", "--end-of-options", ref + "^{commit}"], in: directory(of: file))
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text of `file` at `commit`, or nil when the file does not exist there.
    static func show(_ file: String, at commit: String) throws -> Version? {
        let (directory, path) = try location(of: file)
        guard try exists(path, at: commit, in: directory) else { return nil }
        return Version(commit: commit, path: path, text: try git(["show", "\(commit):\(path)"], in: directory))
    }

    /// Every version of `file` in the history of `commit`, oldest first (following renames; versions where the
    /// file was deleted are skipped, and consecutive equal texts count once).
    static func history(of file: String, at commit: String) throws -> [Version] {
        let (directory, path) = try location(of: file)
        // One record per commit that touched the file: "\u{1}HASH", then the file's name at that commit.
        let log = try git(
            ["log", "--follow", "--format=%x01%H", "--name-only", commit, "--", path], in: directory)
        var versions: [Version] = []
        for record in log.split(separator: "\u{1}") {
            let lines = record.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            guard let hash = lines.first, let name = lines.dropFirst().last else { continue }
            guard try exists(name, at: hash, in: directory) else { continue }  // deleted in that commit
            let text = try git(["show", "\(hash):\(name)"], in: directory)
            versions.append(Version(commit: hash, path: name, text: text))
        }
        versions.reverse()
        var distinct: [Version] = []
        for version in versions where distinct.last?.text != version.text { distinct.append(version) }
        return distinct
    }

    /// The directory to run git in for `file`, and the file's path from the repository's root.
    private static func location(of file: String) throws -> (directory: String, path: String) {
        let directory = directory(of: file)
        let prefix = try git(["rev-parse", "--show-prefix"], in: directory).trimmingCharacters(in: .newlines)
        // Git runs at the top of the work tree, where pathspecs and `commit:path` both read the path from the root.
        let top = try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .newlines)
        return (top, prefix + URL(fileURLWithPath: file).lastPathComponent)
    }

    private static func directory(of file: String) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().path
    }

    private static func exists(_ path: String, at commit: String, in directory: String) throws -> Bool {
        let (status, _, _) = try run(["cat-file", "-e", "\(commit):\(path)"], in: directory)
        return status == 0
    }

    /// Runs git; a failure throws git's message as a usage error (exit 2).
    private static func git(_ arguments: [String], in directory: String) throws -> String {
        let (status, output, error) = try run(arguments, in: directory)
        guard status == 0 else {
            let message = error.trimmingCharacters(in: .whitespacesAndNewlines)
            throw ValidationError(
                "git \(arguments.first ?? "") failed: " + (message.isEmpty ? "exit status \(status)" : message))
        }
        return output
    }

    private static func run(_ arguments: [String], in directory: String) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.isEmpty ? "." : directory] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do {
            try process.run()
        } catch {
            throw ValidationError("cannot run git: \(error)")
        }
        // git's messages are short: stderr is read after stdout without filling its pipe.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errorData, as: UTF8.self)
        )
    }
}
