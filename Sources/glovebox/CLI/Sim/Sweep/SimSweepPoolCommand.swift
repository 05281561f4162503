import ArgumentParser
import Engine
import Foundation

/// `glovebox sim sweep pool DIR` (internal): the local executor's process.
struct SimSweepPoolCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pool", abstract: "Run a sweep folder's unfinished points on this machine (started by `sim sweep`).",
    shouldDisplay: false)

  @Argument(help: "Sweep folder.") var directory: String
  @Option(help: "Processes at once.") var processes: Int
  @Option(help: "Solver threads per point (default: cores ÷ processes, at least 1).") var threads: Int?

  func run() throws {
    guard processes >= 1, processes <= 4096 else { throw reportFailure(ValidationErrorText("--processes must be in 1…4096")) }
    if let t = threads, !SweepThreads.allowed.contains(t) {
      throw reportFailure(ValidationErrorText("--threads must be a whole number in 1…1024 (solver threads per point), got \(t)"))
    }
    let perPoint = SweepThreads.local(chosen: threads, processes: processes, cores: ProcessInfo.processInfo.activeProcessorCount)
    do {
      _ = try SweepPool.run(folder: URL(fileURLWithPath: directory).standardizedFileURL, processes: processes, threads: perPoint)
    } catch {
      throw reportFailure(error)
    }
  }
}
