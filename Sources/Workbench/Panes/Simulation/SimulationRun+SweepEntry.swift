import Engine
import Foundation

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
