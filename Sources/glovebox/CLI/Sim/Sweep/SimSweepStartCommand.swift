import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox sim sweep SWEEP.toml --out DIR`: validates every point, makes the sweep folder
/// (one run folder per point and sweep.json) and hands it to the executor. Every check comes
/// before anything is created; a folder whose submission the scheduler refused is removed.
struct SimSweepStartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start", abstract: "Make a sweep folder from a sweep file and run it (the default subcommand).")

  @Argument(help: "Sweep file (TOML), e.g. Examples/sim/potential-sweep.toml.") var sweep: String
  @Option(help: "Sweep folder to create (must not exist, or be empty).") var out: String
  @Option(help: "local (a process pool on this machine) or slurm (one job array).") var executor: String = "local"
  @Flag(name: .customLong("dry-run"), help: "Print the plan (local) or the batch script (slurm); create and submit nothing.") var dryRun = false
  @Flag(help: "local: run the pool in this process and wait for every point (default: detached).") var wait = false
  @Option(help: "local: processes at once (default: the sweep file's, else one per core).") var processes: Int?
  @OptionGroup var slurmOptions: SlurmOptions
  @OptionGroup var overrides: SimOverrides
  @Flag(help: "Print one JSON document.") var json = false

  func run() throws {
    guard let chosen = SweepIndex.Executor(rawValue: executor) else {
      throw reportFailure(ValidationErrorText("--executor must be local or slurm, found '\(executor)'"))
    }
    // --threads is the sweep's (per point), checked here: inside a point's validation its
    // refusal would read as the point's fault.
    if let t = overrides.threads, !SweepThreads.allowed.contains(t) {
      throw reportFailure(ValidationErrorText("--threads must be a whole number in 1…1024 (solver threads per point), got \(t)"))
    }
    var pointOverrides = overrides
    pointOverrides.threads = nil
    let plan: SweepPlan
    do {
      plan = try SweepPlan.make(sweepFile: sweep, overrides: pointOverrides)
    } catch {
      throw reportFailure(error)
    }
    var resources: SlurmResources
    do { resources = try slurmOptions.applied(to: plan.spec.slurm) } catch { throw reportFailure(ValidationErrorText("\(error)")) }
    let chosenThreads = overrides.threads ?? (chosen == .local ? plan.spec.threads : nil)
    if chosen == .slurm, let threads = chosenThreads {
      // A task asks for as many CPUs as its threads unless the user asked otherwise.
      if resources.cpusPerTask == nil { resources.cpusPerTask = threads } else if let cpus = resources.cpusPerTask, threads > cpus {
        warn("--threads \(threads) with cpus_per_task \(cpus), as chosen: each task's threads share its \(cpus) CPU\(cpus == 1 ? "" : "s")")
      }
    }
    if let p = processes, p < 1 || p > 4096 { throw reportFailure(ValidationErrorText("--processes must be a whole number in 1…4096")) }
    let folder = URL(fileURLWithPath: out).standardizedFileURL
    let manager = FileManager.default
    if manager.fileExists(atPath: folder.path) {
      let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
      if !entries.isEmpty {
        throw reportFailure(ValidationErrorText("\(out): exists and is not empty; a sweep is made in a new folder (to continue one: `glovebox sim sweep resume \(out)`)"))
      }
    }
    var index = SweepIndex(name: plan.spec.name, sweepFile: URL(fileURLWithPath: sweep).standardizedFileURL.path, base: plan.baseFile,
                           executor: chosen, keys: plan.spec.keys, runOverrides: overrides.words,
                           slurm: chosen == .slurm ? resources : nil, processes: processes ?? plan.spec.processes,
                           threads: chosenThreads, points: plan.points)
    let all = plan.points.map(\.index)
    if chosen == .slurm {
      let script = SlurmBatchScript(executable: try gloveboxExecutablePath(), sweepFolder: folder.path, name: plan.spec.name,
                                    indices: all, pointCount: plan.points.count, resources: resources, threads: chosenThreads)
      if dryRun {
        print(script.text, terminator: "")
        return
      }
      guard ExternalTool.find("sbatch") != nil else {
        throw reportFailure(ValidationErrorText("sbatch is not on PATH: --executor slurm needs Slurm's client commands (sbatch, squeue, scancel); nothing was created"))
      }
      try SweepFolder.create(folder, index: index, points: plan.points, sweepText: plan.sweepText)
      do {
        let job = try SweepSlurm.submit(script, folder: folder)
        index.submissions.append(SweepIndex.Submission(jobId: job, indices: all, threads: chosenThreads))
        index.points = index.points.map { var e = $0; e.state = .queued; return e }
        try SweepFolder.writeIndex(index, in: folder)
        if json { try printJSON(["job_id": job, "folder": folder.path, "points": "\(all.count)"]) } else {
          print("submitted job array \(job) (\(all.count) points) for \(out); follow with `glovebox sim sweep status \(out)`")
        }
      } catch {
        try? manager.removeItem(at: folder)
        throw reportFailure(error)
      }
      return
    }
    let pool = processes ?? plan.spec.processes ?? ProcessInfo.processInfo.activeProcessorCount
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let threads = SweepThreads.local(chosen: chosenThreads, processes: pool, cores: cores)
    if let warning = SweepThreads.oversubscription(threads: threads, processes: pool, cores: cores) { warn(warning) }
    if dryRun {
      print("\(plan.points.count) points, \(pool) at once, \(threads) solver thread\(threads == 1 ? "" : "s") each, into \(out):")
      for point in plan.points {
        print("  \(point.folder)  " + point.parameters.map { "\($0.key) = \($0.text)" }.joined(separator: ", "))
      }
      return
    }
    try SweepFolder.create(folder, index: index, points: plan.points, sweepText: plan.sweepText)
    try SweepPool.start(folder: folder, processes: pool, threads: threads, wait: wait, json: json, index: &index)
  }
}

/// A warning on stderr (the command goes on).
func warn(_ text: String) {
  FileHandle.standardError.write(Data("warning: \(text)\n".utf8))
}
