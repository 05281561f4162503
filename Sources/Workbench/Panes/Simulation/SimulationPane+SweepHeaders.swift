import Engine
import Foundation

/// Sweeps that have not started: the pane asks the index for sweep.json files (kind `.sweep`)
/// besides run folders, reads each one's header (no scheduler call), and lists every sweep
/// folder as one entry whether or not any of its points has a run folder yet.
extension SimulationPane {
  /// Seconds between two reads of an open Slurm sweep that still has unfinished points (each
  /// read runs `squeue` once); other sweeps are read at the list's pace (`refreshInterval`).
  public static let slurmSweepInterval = 5.0

  /// The index's `.sweep` files: sweep files (TOML) are not sweep folders, sweep.json files are.
  mutating func sweepIndexesListed(_ files: [IndexedFile], complete: Bool) -> [Effect] {
    let indexes = files.filter { SimulationSweepHeader.folder(ofIndex: $0.path) != nil }
    let (read, removed) = sweepIndexes.update(indexes, complete: complete)
    for path in removed {
      if let folder = SimulationSweepHeader.folder(ofIndex: path) { sweepHeaders[folder] = nil }
    }
    if !removed.isEmpty { rebuildEntries() }
    var effects: [Effect] = [.render]
    if !read.isEmpty || !removed.isEmpty { effects += startSweepHeaders() }
    return effects
  }

  /// One job reading every known sweep.json, unless one is out (then another follows it).
  mutating func startSweepHeaders() -> [Effect] {
    guard !sweepHeadersRunning else {
      sweepHeadersAgain = true
      return []
    }
    let folders = sweepIndexes.known.keys.compactMap(SimulationSweepHeader.folder(ofIndex:)).sorted()
    guard !folders.isEmpty else { return [] }
    sweepHeadersRunning = true
    sweepHeadersAgain = false
    return [.startJob(.simulation(.sweepHeaders(paths: folders)))]
  }

  mutating func sweepHeadersRead(_ headers: [SimulationSweepHeader]) -> [Effect] {
    sweepHeadersRunning = false
    sweepIndexes.finished(headers.map { SimulationPane.filePath(SweepIndex.fileName, in: $0.path) })
    let known = Set(sweepIndexes.known.keys.compactMap(SimulationSweepHeader.folder(ofIndex:)))
    for header in headers where known.contains(header.path) { sweepHeaders[header.path] = header }
    rebuildEntries()
    return [.render] + (sweepHeadersAgain ? startSweepHeaders() : [])
  }

  /// The list's entries from the run folders and the sweep headers, newest activity first,
  /// keeping the selected entry selected.
  mutating func rebuildEntries() {
    let keep = current?.path
    runs = Self.collapsingSweeps(allRuns, headers: sweepHeaders).sorted { a, b in
      switch (a.summary.lastWrite, b.summary.lastWrite) {
      case let (x?, y?) where x != y: return x > y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a.path < b.path
      }
    }
    select(keep)
  }

  /// Whether the open sweep may be read again now: always, except a Slurm sweep with
  /// unfinished points read less than `slurmSweepInterval` seconds ago.
  var sweepReadIsDue: Bool {
    guard let sweep, sweep.path == attachedSweep, sweep.executor == SweepIndex.Executor.slurm.rawValue,
      sweep.points.contains(where: { $0.state != .finished }), let last = lastSweepReadTime, let now
    else { return true }
    return now - last >= Self.slurmSweepInterval
  }
}
