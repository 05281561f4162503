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
    let header = SweepSummaryTable.header(keys: keys, at: at, crossing: cross).filter { $0 != "index" }
    let rows = gathered.points.map { Array(SweepSummaryTable.cells($0, at: at, crossing: cross).dropFirst()) }
    let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
    func line(_ cells: [String]) -> String {
      zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
    }
    print("\(gathered.index.name): \(gathered.points.count) points, \(gathered.index.executor.rawValue) executor"
          + (gathered.poolPid.map { ", pool pid \($0)" } ?? "") + " — " + counts(gathered.points))
    print(line(header))
    for (row, point) in zip(rows, gathered.points) {
      print(line(row) + (point.reason.map { "  (\($0))" } ?? ""))
      for problem in point.problems { print("    ! \(problem)") }
    }
  }

  func counts(_ points: [SweepPointSummary]) -> String {
    SweepPointState.allCases.compactMap { state in
      let n = points.filter { $0.state == state }.count
      return n == 0 ? nil : "\(n) \(state.rawValue)"
    }.joined(separator: ", ")
  }
}
