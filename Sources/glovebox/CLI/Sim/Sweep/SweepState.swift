import Engine
import Foundation

/// Gathers every point's merged state and observables (the run folders, metrics.csv and the
/// executor), and rewrites sweep.json's states when they changed.
enum SweepState {
  struct Gathered {
    var index: SweepIndex
    var points: [SweepPointSummary]
    var warnings: [String]
    var poolPid: Int32?
  }

  /// `byPool`: the caller is the folder's pool, about to end (its own lock does not make the
  /// points it did not start "queued").
  static func gather(_ folder: URL, at: Double? = nil, crossing: Double? = nil, rewrite: Bool = true, byPool: Bool = false) throws -> Gathered {
    var index = try SweepFolder.readIndex(folder)
    var warnings: [String] = []
    var tasks: [SlurmReplies.TaskKey: SlurmTaskState] = [:]
    var queueAnswered = false
    let listings = index.points.map { SimRunFolderProbe.listing(of: folder.appendingPathComponent($0.folder), name: $0.folder) }
    // A finished run is finished whatever the scheduler says: with every point finished there
    // is nothing to ask it (the pane re-reads an open sweep every few seconds).
    let allFinished = listings.allSatisfy { $0.status != nil && RunSummary(listing: $0).state == .finished }
    if index.executor == .slurm, !allFinished {
      tasks = SweepSlurm.taskStates(jobs: index.submissions.compactMap(\.jobId), folder: folder, warnings: &warnings,
                                    queueAnswered: &queueAnswered)
    }
    let poolPid = byPool ? nil : SweepPool.livePool(folder)
    var summaries: [SweepPointSummary] = []
    for (entry, listing) in zip(index.points, listings) {
      let run = folder.appendingPathComponent(entry.folder)
      let runSummary = listing.status == nil ? nil : RunSummary(listing: listing)
      let job = index.submissions.last { $0.indices.contains(entry.index) }?.jobId
      var task = job.flatMap { tasks[SlurmReplies.TaskKey(job: $0, task: entry.index)] }
      // Without accounting, a task that left the queue having never run (no status, no output
      // file) can only have been cancelled while it waited.
      if task == nil, job != nil, queueAnswered, listing.status == nil, let job,
        !FileManager.default.fileExists(atPath: folder.appendingPathComponent(SlurmBatchScript.outputFolder).appendingPathComponent("\(job)_\(entry.index).out").path)
      {
        task = .cancelled
      }
      let state = SweepPointState.merge(run: runSummary?.state, task: task, poolAlive: poolPid != nil)
      var problems = (runSummary?.errors ?? []).filter { $0.file != RunFolder.configFile || listing.status != nil }.map(\.description)
      let (columns, rows, metricsError) = readMetrics(run.appendingPathComponent(RunFolder.metricsFile))
      if let metricsError { problems.append(metricsError) }
      var reason = [.stopped, .failed, .stale, .cancelled, .timedOut, .unknown].contains(state) ? runSummary?.reason : nil
      if task == .cancelled { reason = "the Slurm task was cancelled" + (reason.map { " (\($0))" } ?? "") }
      if task == .timedOut { reason = "the Slurm task hit its time limit" + (reason.map { " (\($0))" } ?? "") }
      summaries.append(SweepPointSummary(
        index: entry.index, folder: entry.folder, parameters: index.keys.map { entry.parameters[$0] ?? .string("?") },
        state: state, reason: reason, step: runSummary?.step,
        observables: SweepObservables(columns: columns, rows: rows, at: at, crossing: crossing), problems: problems,
        time: runSummary?.time))
    }
    let changed = zip(index.points, summaries).contains { $0.state != $1.state }
    if changed {
      for i in index.points.indices { index.points[i].state = summaries[i].state }
      if rewrite { try? SweepFolder.writeIndex(index, in: folder) }
    }
    return Gathered(index: index, points: summaries, warnings: warnings, poolPid: poolPid)
  }

  /// metrics.csv's columns and complete rows; a malformed line is reported (file:line) and the
  /// rows before it are kept.
  static func readMetrics(_ url: URL) -> ([String], [[Double?]], String?) {
    guard let data = FileManager.default.contents(atPath: url.path) else { return ([], [], nil) }
    var reader = RunMetricsReader(fileName: url.path)
    let update = reader.read(appended: data)
    return (reader.columns, update.rows.map(\.values), update.error?.description)
  }
}
