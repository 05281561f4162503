import Foundation
import Workbench

/// Runs the short programs panes ask for (`Effect.runProcess`) in the workspace folder. The
/// event loop waits for them, so they must return quickly (a detached simulation run does).
enum WorkspaceProcesses {
  static func run(_ executable: String, _ arguments: [String], workspace: String) -> Result<ProcessOutput, EffectFailure> {
    let process = Process()
    let program = executable.isEmpty ? (Bundle.main.executablePath ?? CommandLine.arguments[0]) : executable
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: workspace)
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      return .failure(EffectFailure("\(program): cannot start (\(error.localizedDescription))"))
    }
    // Read before waiting, so a full pipe cannot block the child.
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return .success(
      ProcessOutput(
        status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
        standardError: String(decoding: err, as: UTF8.self)))
  }
}
