import ArgumentParser
import Foundation

/// Writes a line to standard error.
package func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

extension ParsableCommand {
    /// Parses the process arguments with `Self` as the root command and runs the chosen command.
    ///
    /// Usage errors exit 2 (not ArgumentParser's 64), so scripts can tell them from findings (exit 1).
    package static func runExitingWithUsageCode() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
