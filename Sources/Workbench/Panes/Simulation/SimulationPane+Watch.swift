import Engine
import TUI

extension SimulationPane {
  /// While a run is attached and the pane shown: the run's folder (status.json, metrics.csv)
  /// and its `fields/`, so a new snapshot is decoded as soon as it is renamed into place
  /// instead of at the next listing.
  public var watchedFolders: [String] {
    guard let attached, !isHidden else { return [] }
    return [attached, Self.filePath(RunFolder.fieldsDirectory, in: attached)]
  }

  /// A change in the attached run's folder. A new snapshot in `fields/` joins the run's list
  /// and, when the view follows the newest, is decoded now (the field shown at once; a
  /// snapshot's preview, written before it, is not a snapshot); metrics.csv is read from where
  /// the reader stopped; status.json re-lists (at most once a second). Nil for a path outside the attached run.
  mutating func attachedFileChanged(_ path: String, run: String) -> [Effect]? {
    let prefix = run == "." || run.isEmpty ? "" : run + "/"
    guard path.hasPrefix(prefix) else { return nil }
    let inner = String(path.dropFirst(prefix.count))
    let fieldsPrefix = RunFolder.fieldsDirectory + "/"
    if inner.hasPrefix(fieldsPrefix) {
      let name = String(inner.dropFirst(fieldsPrefix.count))
      guard let step = RunFolder.step(ofSnapshot: name) else { return [] }
      noteSnapshot(name, step: step, in: run)
      return refreshAttached()
    }
    switch inner {
    case RunFolder.metricsFile:
      return refreshAttached()
    case RunFolder.statusFile:
      // A running run rewrites status.json every second: at most one listing a second from it
      // (the tick lists every `refreshInterval` anyway).
      if let now, let last = lastListTime, now - last < 1 { return [] }
      return startListing()
    default:
      return nil
    }
  }

  /// Adds a snapshot the watch reported to the run's list (in step order) and makes it the
  /// newest when it is.
  mutating func noteSnapshot(_ name: String, step: Int, in run: String) {
    guard let i = allRuns.firstIndex(where: { $0.path == run }), !allRuns[i].snapshots.contains(name) else { return }
    var snapshots = allRuns[i].snapshots
    let at = snapshots.firstIndex { (RunFolder.step(ofSnapshot: $0) ?? 0) > step } ?? snapshots.count
    snapshots.insert(name, at: at)
    allRuns[i].snapshots = snapshots
    if at == snapshots.count - 1 { allRuns[i].summary.latestSnapshot = name }
    if let j = runs.firstIndex(where: { $0.path == run }) { runs[j] = allRuns[i] }
  }
}
