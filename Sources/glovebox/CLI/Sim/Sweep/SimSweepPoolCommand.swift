import ArgumentParser
import Foundation

/// `glovebox sim sweep pool DIR` (internal): the local executor's process.
struct SimSweepPoolCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pool", abstract: "Run a sweep folder's unfinished points on this machine (started by `sim sweep`).",
    shouldDisplay: false)

  @Argument(help: "Sweep folder.") var directory: String
  @Option(help: "Processes at once.") var processes: Int

  func run() throws {
    guard processes >= 1, processes <= 4096 else { throw reportFailure(ValidationErrorText("--processes must be in 1…4096")) }
    do {
      _ = try SweepPool.run(folder: URL(fileURLWithPath: directory).standardizedFileURL, processes: processes)
    } catch {
      throw reportFailure(error)
    }
  }
}
