import Engine
import Foundation

/// The Slurm edge of a sweep: submitting the array, asking squeue (and sacct where the
/// cluster keeps accounting) and reading the tasks' output files.
enum SweepSlurm {
  /// Writes the script to DIR/slurm/submit-N.sh and submits it with `sbatch --parsable`;
  /// returns the job id. A refusal throws the scheduler's own message.
  static func submit(_ script: SlurmBatchScript, folder: URL) throws -> String {
    let slurmFolder = folder.appendingPathComponent(SlurmBatchScript.outputFolder)
    try FileManager.default.createDirectory(at: slurmFolder, withIntermediateDirectories: true)
    let existing = (try? FileManager.default.contentsOfDirectory(atPath: slurmFolder.path)) ?? []
    let number = existing.filter { $0.hasPrefix("submit-") }.count + 1
    let file = slurmFolder.appendingPathComponent("submit-\(number).sh")
    try Data(script.text.utf8).write(to: file)
    guard let reply = try ExternalTool.run("sbatch", ["--parsable", file.path]) else {
      throw ValidationErrorText("sbatch is not on PATH: --executor slurm needs Slurm's client commands (sbatch, squeue, scancel)")
    }
    guard reply.status == 0, let job = SlurmReplies.jobId(fromSbatch: reply.stdout) else {
      let said = (reply.stderr + reply.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
      throw ValidationErrorText("sbatch refused the job array (exit \(reply.status)): \(said.isEmpty ? "no message" : said)")
    }
    return job
  }

  /// What the scheduler says about the sweep's tasks, by (job, task). squeue lists the tasks
  /// still queued or running; sacct (when accounting is on) how ended ones ended; otherwise a
  /// task's output file tells a cancellation or a time-out. `warnings` says what could not be asked.
  /// `queueAnswered` is set when squeue answered, so a task it does not list has left the queue.
  static func taskStates(jobs: [String], folder: URL, warnings: inout [String], queueAnswered: inout Bool)
    -> [SlurmReplies.TaskKey: SlurmTaskState]
  {
    guard !jobs.isEmpty else { return [:] }
    var states: [SlurmReplies.TaskKey: SlurmTaskState] = [:]
    let list = jobs.joined(separator: ",")
    if let reply = try? ExternalTool.run("sacct", ["--noheader", "--parsable2", "--array", "--format=JobID,State", "--jobs=\(list)"], timeout: 30),
      reply.status == 0
    {
      states = SlurmReplies.sacct(reply.stdout)
    }
    // The output files next: a cancellation leaves its line there even without accounting.
    for job in jobs {
      let prefix = job + "_"
      let outputs = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(SlurmBatchScript.outputFolder).path)) ?? []
      for name in outputs where name.hasPrefix(prefix) && name.hasSuffix(".out") {
        guard let task = Int(name.dropFirst(prefix.count).dropLast(4)), task >= 0 else { continue }
        let key = SlurmReplies.TaskKey(job: job, task: task)
        let url = folder.appendingPathComponent(SlurmBatchScript.outputFolder).appendingPathComponent(name)
        if states[key] == nil || states[key] == .completed,
          let ending = SimRunFolderProbe.tail(of: url, limit: 2048).flatMap(SlurmReplies.ending(fromTaskOutput:))
        {
          states[key] = ending
        }
      }
    }
    // squeue last: a task it still holds is queued or running, whatever an earlier try said.
    do {
      if let reply = try ExternalTool.run("squeue", ["--array", "--noheader", "--format=%i %T", "--jobs=\(list)"], timeout: 30) {
        if reply.status == 0 {
          queueAnswered = true
          for (key, state) in SlurmReplies.squeue(reply.stdout) { states[key] = state }
        } else if reply.stderr.contains("Invalid job id") {
          // squeue refuses ids it no longer knows ("Invalid job id specified"): then none is queued.
          queueAnswered = true
        } else {
          warnings.append("squeue failed (exit \(reply.status)): \(reply.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
      } else {
        warnings.append("squeue is not on PATH: states come from the run folders alone")
      }
    } catch {
      warnings.append("squeue could not be started (\(error))")
    }
    return states
  }
}
