/// Readers of what Slurm's commands print, for a sweep's state: pure functions of the text.
public enum SlurmReplies {
  /// The job id from `sbatch --parsable` ("123" or "123;cluster"), nil for anything else.
  public static func jobId(fromSbatch text: String) -> String? {
    let line = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
    let id = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    guard !id.isEmpty, id.count <= 20, id.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return id
  }

  /// Task states by (job id, task id) from `squeue --array --noheader --format="%i %T"`:
  /// lines "123_4 RUNNING"; a pending range "123_[5-7,9%2] PENDING" stands for each of its tasks.
  /// Lines of other shapes (a job that is not an array) are skipped.
  public static func squeue(_ text: String) -> [TaskKey: SlurmTaskState] {
    var states: [TaskKey: SlurmTaskState] = [:]
    for line in text.split(whereSeparator: \.isNewline) {
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      guard words.count >= 2, let state = SlurmTaskState(slurm: String(words[1])) else { continue }
      for key in taskKeys(String(words[0])) { states[key] = state }
    }
    return states
  }

  /// Task states from `sacct --noheader --parsable2 --array --format=JobID,State`: lines
  /// "123_4|CANCELLED by 0"; step lines ("123_4.batch|…") are skipped.
  public static func sacct(_ text: String) -> [TaskKey: SlurmTaskState] {
    var states: [TaskKey: SlurmTaskState] = [:]
    for line in text.split(whereSeparator: \.isNewline) {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false)
      guard cells.count >= 2, !cells[0].contains("."), let state = SlurmTaskState(slurm: String(cells[1])) else { continue }
      for key in taskKeys(String(cells[0])) { states[key] = state }
    }
    return states
  }

  /// How a task ended, from the end of its output file: slurmstepd writes
  /// "*** JOB 12 ON node CANCELLED AT … ***" (scancel), "… CANCELLED AT … DUE TO TIME LIMIT ***",
  /// "… DUE TO PREEMPTION ***"; memory kills say "oom-kill" or "Exceeded job memory limit".
  public static func ending(fromTaskOutput text: String) -> SlurmTaskState? {
    for line in text.split(whereSeparator: \.isNewline).reversed() where line.contains("slurmstepd") || line.contains("***") {
      if line.contains("DUE TO TIME LIMIT") { return .timedOut }
      if line.contains("CANCELLED AT") || line.contains("DUE TO PREEMPTION") { return .cancelled }
      if line.contains("oom-kill") || line.contains("Exceeded job memory limit") || line.contains("DUE TO NODE FAILURE") { return .failed }
    }
    return nil
  }

  public struct TaskKey: Hashable, Sendable {
    public var job: String
    public var task: Int
    public init(job: String, task: Int) {
      self.job = job
      self.task = task
    }
  }

  /// "123_4" → [(123, 4)]; "123_[1-3,7%2]" → 1, 2, 3, 7; anything else → [].
  static func taskKeys(_ id: String) -> [TaskKey] {
    guard let underscore = id.firstIndex(of: "_") else { return [] }
    let job = String(id[..<underscore])
    guard !job.isEmpty, job.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
    var rest = id[id.index(after: underscore)...]
    if rest.hasPrefix("["), rest.hasSuffix("]") {
      rest = rest.dropFirst().dropLast()
      if let percent = rest.firstIndex(of: "%") { rest = rest[..<percent] }
      var keys: [TaskKey] = []
      for part in rest.split(separator: ",") {
        let bounds = part.split(separator: "-").compactMap { Int($0) }
        if bounds.count == 1 { keys.append(TaskKey(job: job, task: bounds[0])) }
        if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] <= 1_000_000 {
          keys += (bounds[0]...bounds[1]).map { TaskKey(job: job, task: $0) }
        }
      }
      return keys
    }
    guard let task = Int(rest), task >= 0 else { return [] }
    return [TaskKey(job: job, task: task)]
  }
}
