import Engine
import Foundation

/// A sweep folder as the Simulation pane shows it: its index and every point's merged state
/// and observables (`SweepPointSummary`), as the runtime gathered them.
public struct SimulationSweep: Equatable, Sendable {
  public var path: String
  public var name: String
  public var executor: String
  public var keys: [String]
  public var points: [SweepPointSummary]
  /// What could not be read or asked (a scheduler command missing, a torn sweep.json).
  public var warnings: [String]

  public init(path: String, name: String, executor: String, keys: [String], points: [SweepPointSummary], warnings: [String]) {
    self.path = path
    self.name = name
    self.executor = executor
    self.keys = keys
    self.points = points
    self.warnings = warnings
  }

  /// The run folder of a point, relative to the workspace.
  public func runPath(_ point: SweepPointSummary) -> String { SimulationPane.filePath(point.folder, in: path) }

  /// (swept value, final tip height in µm) of every point with both, in the swept value's order:
  /// what the sweep view plots against its first numeric key.
  public func tipHeightAgainst(keyIndex: Int) -> [(Double, Double)] {
    points.compactMap { point -> (Double, Double)? in
      guard keyIndex < point.parameters.count, let x = point.parameters[keyIndex].number, let y = point.observables.finalTipHeight,
        x.isFinite, y.isFinite
      else { return nil }
      return (x, y)
    }.sorted { $0.0 < $1.0 }
  }

  /// The first key whose values are numbers (the plot's x axis), nil when none is.
  public var plottedKey: Int? {
    keys.indices.first { k in points.contains { k < $0.parameters.count && $0.parameters[k].number != nil } }
  }
}

extension SimulationRun {
  /// The list's one entry for a sweep: named by its folder, standing for `points`; its last
  /// write is the newest of its points' (so an active sweep sorts among active runs).
  static func sweepEntry(path: String, points: [SimulationRun]) -> SimulationRun {
    var summary = RunSummary(listing: RunFolderListing(
      name: path, status: nil, config: nil, snapshotNames: [], logTail: nil,
      modificationTimes: [:], now: Date(timeIntervalSince1970: 0), processIsRun: nil))
    summary.errors = []
    summary.model = "sweep"
    summary.lastWrite = points.compactMap(\.summary.lastWrite).max()
    summary.secondsSinceWrite = points.compactMap(\.summary.secondsSinceWrite).min()
    let finished = points.filter { $0.summary.state == .finished }.count
    summary.progress = points.isEmpty ? nil : Double(finished) / Double(points.count)
    return SimulationRun(summary: summary, wallSeconds: nil, logLines: [], snapshots: [], sweepPoints: points)
  }

  /// "2 running, 1 finished" over a sweep entry's points that have started.
  var sweepCounts: String {
    let states = (sweepPoints ?? []).map(\.summary.state)
    return RunSummary.State.allCases.compactMap { state in
      let n = states.filter { $0 == state }.count
      return n == 0 ? nil : "\(n) \(state.rawValue)"
    }.joined(separator: ", ")
  }
}
