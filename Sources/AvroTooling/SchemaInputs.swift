import ArgumentParser
import Avro
import Foundation

/// Reads schema files named on the command line; a directory stands for the `.avsc` files under it.
package enum SchemaInputs {
    /// The files and their bytes, directories expanded in sorted order.
    package static func read(_ paths: [String]) throws -> [(name: String, bytes: [UInt8])] {
        var sources: [(name: String, bytes: [UInt8])] = []
        var seen: Set<String> = []
        for path in paths {
            // A file named twice (say, by a directory and by name) is read once.
            for file in try expand(path) where seen.insert(URL(fileURLWithPath: file).standardized.path).inserted {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("cannot read \(file)")
                }
                sources.append((file, Array(data)))
            }
        }
        return sources
    }

    private static func expand(_ path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("no such file or directory: \(path)")
        }
        guard isDirectory.boolValue else { return [path] }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let entries = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return entries.filter { $0.hasSuffix(".avsc") }.sorted().map { base + "/" + $0 }
    }

    /// Parses the inputs as one set, printing every error as `FILE:LINE:COL: message` on stderr.
    package static func parseSet(_ paths: [String]) throws -> SchemaSet {
        try parse(try read(paths))
    }

    /// Parses schema `text` (named `name` in messages) with `context`, the sources of the types it uses.
    package static func parseText(_ text: String, name: String, context: [(name: String, bytes: [UInt8])]) throws
        -> Schema
    {
        let set = try parse(context + [(name, Array(text.utf8))])
        return set.files[set.files.count - 1].root
    }

    /// Parses `sources` as one set; on errors, prints each as `FILE:LINE:COL: message` and exits 1.
    private static func parse(_ sources: [(name: String, bytes: [UInt8])]) throws -> SchemaSet {
        do {
            return try SchemaSet(sources: sources)
        } catch {
            for error in error.errors { printError(error.description) }
            throw ExitCode(1)
        }
    }

    /// Parses `path` with the files that define the named types it uses, and returns its root schema.
    package static func parseRoot(_ path: String, imports: [String]) throws -> Schema {
        let set = try parseSet(imports + [path])
        let target = URL(fileURLWithPath: path).standardized.path
        guard let file = set.files.first(where: { URL(fileURLWithPath: $0.name).standardized.path == target }) else {
            throw ValidationError("\(path) is not a schema file")
        }
        return file.root
    }
}
