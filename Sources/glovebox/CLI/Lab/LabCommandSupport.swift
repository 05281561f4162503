import ArgumentParser
import Engine
import Formats
import Foundation
import Lab

/// Shared edges of the `formula`, `recipe` and `protocol` commands: where the workspace is, how
/// errors are printed, and the `--workspace` option.
struct WorkspaceOption: ParsableArguments {
  @Option(
    name: .long,
    help: "Workspace folder with recipes/, protocols/ and materials.toml (default: the current folder, else the repository's Examples/).")
  var workspace: String?

  /// The folder to read: `--workspace`, else the current folder when it has recipes/ or
  /// protocols/, else the Examples/ folder of the repository the executable was built in.
  func directory() -> String {
    if let workspace { return workspace }
    let manager = FileManager.default
    let current = manager.currentDirectoryPath
    if ["recipes", "protocols"].contains(where: { manager.fileExists(atPath: current + "/" + $0) }) {
      return current
    }
    if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
      var folder = executable.deletingLastPathComponent()
      for _ in 0..<5 {
        let examples = folder.appendingPathComponent("Examples").path
        if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
          manager.fileExists(atPath: examples)
        {
          return examples
        }
        folder = folder.deletingLastPathComponent()
      }
    }
    return current
  }

  func load() throws -> LabWorkspace {
    try WorkspaceFiles.load(workspace: directory())
  }
}

enum LabCLI {
  /// Prints `error` to stderr as `file:line:col: message` and returns the exit code to throw.
  static func fail(_ error: Error) -> ExitCode {
    let text = (error as? InputError)?.description ?? "\(error)"
    FileHandle.standardError.write(Data((text + "\n").utf8))
    return ExitCode(2)
  }

  /// Runs `body`, turning InputErrors into a message on stderr and exit status 2.
  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let exit as ExitCode {
      throw exit
    } catch {
      throw fail(error)
    }
  }

  static func printLines(_ lines: [String]) {
    print(lines.joined(separator: "\n"))
  }


  /// A file path argument (exists, or ends in .toml) rather than a name.
  static func isFile(_ argument: String) -> Bool {
    argument.hasSuffix(".toml") || argument.contains("/")
  }
}
