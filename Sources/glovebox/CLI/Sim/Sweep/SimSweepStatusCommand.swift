import ArgumentParser
import Engine
import Foundation

/// `glovebox sim sweep status DIR`: every point's parameters, state and observables.
struct SimSweepStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Show a sweep's points: parameters, state, tip height, Li area (table, --json or --csv).")

  @Argument(help: "Sweep folder.") var directory: String
  @Flag(help: "Print one JSON document.") var json = false
  @Option(help: "Also write the table as CSV to this file.") var csv: String?
  @Option(help: "Also report tip height and Li area at this simulated time (s).") var at: Double?
  @Option(help: "Also report the time (s) at which the tip first reaches this height (µm).") var cross: Double?

  func run() throws {
    if let at, !(at.isFinite && at >= 0) { throw reportFailure(ValidationErrorText("--at must be a time ≥ 0 s")) }
    if let cross, !cross.isFinite { throw reportFailure(ValidationErrorText("--cross must be a finite height in µm")) }
    let folder = URL(fileURLWithPath: directory).standardizedFileURL
    let gathered: SweepState.Gathered
    do { gathered = try SweepState.gather(folder, at: at, crossing: cross) } catch { throw reportFailure(error) }
    for warning in gathered.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
    let keys = gathered.index.keys
    if let csv {
      do {
        try Data(SweepSummaryTable.csv(gathered.points, keys: keys, at: at, crossing: cross).utf8)
          .write(to: URL(fileURLWithPath: csv), options: .atomic)
      } catch { throw reportFailure(ValidationErrorText("\(csv): cannot write (\(error.localizedDescription))")) }
    }
    if json {
      try printJSON(SweepStatusDocument(gathered, folder: folder, at: at, crossing: cross))
      return
    }
    print("\(gathered.index.name): \(gathered.points.count) points, \(gathered.index.executor.rawValue) executor"
          + (gathered.poolPid.map { ", pool pid \($0)" } ?? "") + " — " + counts(gathered.points))
    if let threads = threadsLine(gathered.index) { print(threads) }
    for line in SweepSummaryTable.text(gathered.points, keys: keys, at: at, crossing: cross) { print(line) }
  }

  /// "threads per point: 1 × 2 processes (cores ÷ processes)" from the latest submission.
  func threadsLine(_ index: SweepIndex) -> String? {
    guard let last = index.submissions.last else { return nil }
    let chosen = index.threads != nil ? "as chosen" : (index.executor == .slurm ? "the task's CPUs" : "cores ÷ processes")
    switch index.executor {
    case .local:
      guard let threads = last.threads else { return nil }
      return "threads per point: \(threads)" + (last.processes.map { " × \($0) process\($0 == 1 ? "" : "es")" } ?? "") + " (\(chosen))"
    case .slurm:
      return "threads per point: \(SweepThreads.describe(last.threads))"
        + (index.slurm?.cpusPerTask.map { ", cpus_per_task \($0)" } ?? "") + " (\(chosen))"
    }
  }

  func counts(_ points: [SweepPointSummary]) -> String {
    SweepPointState.allCases.compactMap { state in
      let n = points.filter { $0.state == state }.count
      return n == 0 ? nil : "\(n) \(state.rawValue)"
    }.joined(separator: ", ")
  }
}
