import Engine
import Foundation

extension SimulationRun {
  /// The list's one entry for a sweep: named by its folder, standing for `points` (the point
  /// runs that have started) and, once read, `header` (sweep.json: every point, started or
  /// not). Its last write is the newest of its points' and sweep.json's, so an active sweep
  /// sorts among active runs and a just-submitted one at the top.
  static func sweepEntry(path: String, points: [SimulationRun], header: SimulationSweepHeader? = nil) -> SimulationRun {
    var summary = RunSummary(listing: RunFolderListing(
      name: path, status: nil, config: nil, snapshotNames: [], logTail: nil,
      modificationTimes: [:], now: Date(timeIntervalSince1970: 0), processIsRun: nil))
    summary.errors = []
    summary.model = "sweep"
    summary.lastWrite = (points.compactMap(\.summary.lastWrite) + [header?.lastWrite].compactMap { $0 }).max()
    summary.secondsSinceWrite = (points.compactMap(\.summary.secondsSinceWrite) + [header?.secondsSinceWrite].compactMap { $0 }).min()
    let total = header.map { max($0.points.count, points.count) } ?? points.count
    let finished = points.filter { $0.summary.state == .finished }.count
    summary.progress = total == 0 ? nil : Double(finished) / Double(total)
    return SimulationRun(summary: summary, wallSeconds: nil, logLines: [], snapshots: [], sweepPoints: points, sweepHeader: header)
  }

  /// Every point's state for the list: a started point's run state, else what sweep.json
  /// recorded (pending, queued, cancelled…); only the started ones before sweep.json is read.
  var sweepStates: [SweepPointState] {
    let started = Dictionary((sweepPoints ?? []).map { (($0.path as NSString).lastPathComponent, $0.summary.state) },
                             uniquingKeysWith: { a, _ in a })
    guard let header = sweepHeader, !header.points.isEmpty else { return started.values.map(\.sweepPointState) }
    return header.points.map { started[$0.folder]?.sweepPointState ?? $0.state }
  }

  /// "1 queued, 2 running, 1 finished" over the entry's points.
  var sweepCounts: String {
    let states = sweepStates
    return SweepPointState.allCases.compactMap { state in
      let n = states.filter { $0 == state }.count
      return n == 0 ? nil : "\(n) \(state.rawValue)"
    }.joined(separator: ", ")
  }

  /// "4 points" once sweep.json is read, else "2 runs" (the started points seen so far).
  var sweepSize: String {
    if let header = sweepHeader, !header.points.isEmpty { return "\(header.points.count) point\(header.points.count == 1 ? "" : "s")" }
    return "\(sweepPoints?.count ?? 0) runs"
  }
}
