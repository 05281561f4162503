import Engine
import Foundation

/// A sweep in the Simulation pane: one list entry for its folder; Enter opens it (its points
/// with their states and a plot of tip height against the swept parameter), Enter on a point
/// opens that point as an ordinary run, Esc goes back one level.
extension SimulationPane {
  /// Replaces every sweep's point runs with one entry for the sweep (in the first point's place),
  /// and adds an entry for every sweep whose header was read but none of whose points has started.
  static func collapsingSweeps(_ listed: [SimulationRun], headers: [String: SimulationSweepHeader] = [:]) -> [SimulationRun] {
    var grouped: [String: [SimulationRun]] = [:]
    for run in listed { if let sweep = run.sweepFolder { grouped[sweep, default: []].append(run) } }
    var entries: [SimulationRun] = []
    var placed = Set<String>()
    for run in listed {
      guard let sweep = run.sweepFolder else {
        entries.append(run)
        continue
      }
      if placed.insert(sweep).inserted {
        entries.append(SimulationRun.sweepEntry(path: sweep, points: (grouped[sweep] ?? []).sorted { $0.path < $1.path },
                                                header: headers[sweep]))
      }
    }
    for (path, header) in headers.sorted(by: { $0.key < $1.key }) where !placed.contains(path) {
      entries.append(SimulationRun.sweepEntry(path: path, points: [], header: header))
    }
    return entries
  }

  /// Opens a sweep entry (its points are read by a job).
  mutating func openSweep(_ path: String) -> [Effect] {
    if attachedSweep != path {
      sweep = nil
      sweepSelected = 0
      sweepError = nil
      sweepRunning = false
      lastSweepReadTime = nil
    }
    attachedSweep = path
    attached = nil
    frame = nil
    decoding = nil
    return [.render] + refreshAttached()
  }

  /// The selected point of the open sweep.
  var selectedSweepPoint: SweepPointSummary? {
    guard let sweep, sweep.points.indices.contains(sweepSelected) else { return nil }
    return sweep.points[sweepSelected]
  }

  /// Up/down inside an open sweep: the selected point moves (and, when one is open, the next
  /// point opens in its place).
  mutating func moveInSweep(by step: Int) -> [Effect] {
    guard let sweep, !sweep.points.isEmpty else { return [] }
    let next = max(0, min(sweep.points.count - 1, sweepSelected + step))
    guard next != sweepSelected else { return [] }
    sweepSelected = next
    guard attached != nil else { return [.render] }
    let path = sweep.runPath(sweep.points[next])
    return allRuns.contains(where: { $0.path == path }) ? attach(path) : [.render]
  }

  /// Enter inside an open sweep: the selected point as an ordinary run, once it has started.
  mutating func openSelectedPoint() -> [Effect] {
    guard let sweep, let point = selectedSweepPoint else { return [] }
    let path = sweep.runPath(point)
    guard allRuns.contains(where: { $0.path == path }) else {
      return [.status(.error("\(path) is \(point.state.rawValue): it has no run yet to open"))]
    }
    return attach(path)
  }
}
