import ArgumentParser
import Engine
import Foundation

/// `glovebox sim sweep resume DIR`: runs again only the points that did not finish (pending,
/// stopped, cancelled, timed out, failed, stale), each from its latest checkpoint, with the
/// executor the sweep was made with.
struct SimSweepResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume", abstract: "Run a sweep's unfinished points again (a new pool, or a new Slurm array of just those).")

  @Argument(help: "Sweep folder.") var directory: String
  @Flag(help: "local: run the pool in this process and wait.") var wait = false
  @Option(help: "local: processes at once (default: as the sweep was made, else one per core).") var processes: Int?
  @Option(help: "Solver threads per point (local default: as the sweep was made, else cores ÷ processes; slurm: as made, else $SLURM_CPUS_PER_TASK).")
  var threads: Int?
  @OptionGroup var slurmOptions: SlurmOptions
  @Flag(name: .customLong("dry-run"), help: "Print what would be resubmitted; submit nothing.") var dryRun = false
  @Flag(help: "Print one JSON document.") var json = false

  func run() throws {
    if let p = processes, p < 1 || p > 4096 { throw reportFailure(ValidationErrorText("--processes must be a whole number in 1…4096, got \(p)")) }
    if let t = threads, !SweepThreads.allowed.contains(t) {
      throw reportFailure(ValidationErrorText("--threads must be a whole number in 1…1024 (solver threads per point), got \(t)"))
    }
    let folder = URL(fileURLWithPath: directory).standardizedFileURL
    var gathered: SweepState.Gathered
    do { gathered = try SweepState.gather(folder) } catch { throw reportFailure(error) }
    if let pid = gathered.poolPid {
      throw reportFailure(ValidationErrorText("\(directory): its pool (pid \(pid)) is still running; nothing to resume yet"))
    }
    let todo = gathered.points.filter(\.state.needsResume).map(\.index)
    guard !todo.isEmpty else {
      let busy = gathered.points.filter { $0.state != .finished }.count
      if json { try printJSON(SweepResumeReply(jobId: nil, resubmitted: [])) } else {
        print(busy == 0 ? "every point finished; nothing to resume" : "nothing to resume: \(busy) point(s) still queued or running")
      }
      return
    }
    var index = gathered.index
    switch index.executor {
    case .slurm:
      var resources: SlurmResources
      do { resources = try slurmOptions.applied(to: index.slurm ?? SlurmResources()) } catch {
        throw reportFailure(ValidationErrorText("\(error)"))
      }
      let chosenThreads = threads ?? index.threads
      if let t = threads {
        if slurmOptions.cpusPerTask == nil { resources.cpusPerTask = t } else if let cpus = resources.cpusPerTask, t > cpus {
          warn("--threads \(t) with cpus_per_task \(cpus), as chosen: each task's threads share its \(cpus) CPU\(cpus == 1 ? "" : "s")")
        }
      }
      let script = SlurmBatchScript(executable: try gloveboxExecutablePath(), sweepFolder: folder.path, name: index.name,
                                    indices: todo, pointCount: index.points.count, resources: resources, threads: chosenThreads)
      if dryRun {
        print(script.text, terminator: "")
        return
      }
      let job: String
      do { job = try SweepSlurm.submit(script, folder: folder) } catch { throw reportFailure(error) }
      index.submissions.append(SweepIndex.Submission(jobId: job, indices: todo, threads: chosenThreads))
      if let t = threads { index.threads = t }
      index.slurm = resources
      for i in todo { index.points[i].state = .queued }
      try SweepFolder.writeIndex(index, in: folder)
      if json { try printJSON(SweepResumeReply(jobId: job, resubmitted: todo)) } else {
        print("resubmitted \(todo.count) point(s) (\(todo.map { index.points[$0].folder }.joined(separator: ", "))) as job array \(job)")
      }
    case .local:
      if dryRun {
        print("would run \(todo.count) point(s): \(todo.map { index.points[$0].folder }.joined(separator: ", "))")
        return
      }
      let pool = processes ?? index.processes ?? ProcessInfo.processInfo.activeProcessorCount
      let cores = ProcessInfo.processInfo.activeProcessorCount
      let perPoint = SweepThreads.local(chosen: threads ?? index.threads, processes: pool, cores: cores)
      if let warning = SweepThreads.oversubscription(threads: perPoint, processes: pool, cores: cores) { warn(warning) }
      if let t = threads {
        index.threads = t
        try SweepFolder.writeIndex(index, in: folder)
      }
      try SweepPool.start(folder: folder, processes: pool, threads: perPoint, wait: wait, json: json, index: &index)
    }
  }
}

/// `resume --json`: the new job array (Slurm) and the points it runs.
struct SweepResumeReply: Encodable {
  var jobId: String?
  var resubmitted: [Int]
  enum CodingKeys: String, CodingKey {
    case resubmitted
    case jobId = "job_id"
  }
}
