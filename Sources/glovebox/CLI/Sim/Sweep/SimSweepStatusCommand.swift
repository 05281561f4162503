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

/// The JSON of `sweep status --json` (null for an unknown value; no NaN is ever written).
struct SweepStatusDocument: Encodable {
  struct Point: Encodable {
    var index: Int
    var folder: String
    var parameters: [String: SweepValue]
    var state: String
    var reason: String?
    var step: Int?
    var finalTimeS: Double?
    var finalTipHeightUm: Double?
    var finalLiAreaFraction: Double?
    var tipHeightUmAt: Double?
    var liAreaFractionAt: Double?
    var crossingTimeS: Double?
    var problems: [String]

    enum CodingKeys: String, CodingKey {
      case index, folder, parameters, state, reason, step, problems
      case finalTimeS = "final_time_s", finalTipHeightUm = "final_tip_height_um", finalLiAreaFraction = "final_li_area_fraction"
      case tipHeightUmAt = "tip_height_um_at", liAreaFractionAt = "li_area_fraction_at", crossingTimeS = "crossing_time_s"
    }
  }
  var name: String
  var folder: String
  var executor: String
  var keys: [String]
  var at: Double?
  var crossTipHeightUm: Double?
  var poolPid: Int32?
  var jobIds: [String]
  var warnings: [String]
  var points: [Point]

  enum CodingKeys: String, CodingKey {
    case name, folder, executor, keys, at, warnings, points
    case crossTipHeightUm = "cross_tip_height_um", poolPid = "pool_pid", jobIds = "job_ids"
  }

  init(_ g: SweepState.Gathered, folder: URL, at: Double?, crossing: Double?) {
    func finite(_ v: Double?) -> Double? { v.flatMap { $0.isFinite ? $0 : nil } }
    name = g.index.name
    self.folder = folder.path
    executor = g.index.executor.rawValue
    keys = g.index.keys
    self.at = at
    crossTipHeightUm = crossing
    poolPid = g.poolPid
    jobIds = g.index.submissions.compactMap(\.jobId)
    warnings = g.warnings
    points = g.points.map { p in
      let o = p.observables
      return Point(index: p.index, folder: p.folder,
                   parameters: Dictionary(zip(g.index.keys, p.parameters), uniquingKeysWith: { a, _ in a }),
                   state: p.state.rawValue, reason: p.reason, step: p.step, finalTimeS: finite(o.finalTime),
                   finalTipHeightUm: finite(o.finalTipHeight), finalLiAreaFraction: finite(o.finalLiArea),
                   tipHeightUmAt: finite(o.tipHeightAt), liAreaFractionAt: finite(o.liAreaAt),
                   crossingTimeS: finite(o.crossingTime), problems: p.problems)
    }
  }
}
