/// The state of one sweep point, merged from its run folder and its executor.
public enum SweepPointState: String, Codable, Sendable, CaseIterable {
  /// Not started, and nothing is going to start it (no live pool, no queued task).
  case pending
  /// Waiting for its turn: a queued Slurm task, or a live local pool that has not reached it.
  case queued
  case running, paused, finished
  /// Stopped through its control file or by a signal outside the scheduler.
  case stopped
  /// The Slurm task was cancelled (scancel, preemption).
  case cancelled
  /// The Slurm task hit its time limit.
  case timedOut = "timed_out"
  /// The run failed, or its task ended without finishing it.
  case failed
  /// status.json says running, but no process or task is running it.
  case stale
  /// status.json or the scheduler's answer could not be read.
  case unknown

  /// Points `sweep resume` starts again: every one that did not finish and is not waiting or
  /// running.
  public var needsResume: Bool {
    switch self {
    case .finished, .queued, .running, .paused: false
    case .pending, .stopped, .cancelled, .timedOut, .failed, .stale, .unknown: true
    }
  }

  /// Merges what the run folder says with what the executor says.
  /// - run: the run folder's state (`RunSummary.State`), nil when it has no status.json yet.
  /// - task: the Slurm task's state (squeue while queued or running; sacct or the task's output
  ///   file once it ended), nil when the scheduler says nothing about it (or for a local sweep).
  /// - poolAlive: a local pool process that will run the point is alive.
  /// A finished run is finished whatever the scheduler says; a task the scheduler still holds
  /// is queued or running (a run on another node looks stale from here); an ended task's
  /// cancellation or time-out is named as such, over the run's own "stopped".
  public static func merge(run: RunSummary.State?, task: SlurmTaskState?, poolAlive: Bool) -> SweepPointState {
    if run == .finished { return .finished }
    switch task {
    case .queued?: return .queued
    case .running?: return run == .paused ? .paused : .running
    case .cancelled?: return .cancelled
    case .timedOut?: return .timedOut
    case .failed?: return .failed
    case .completed?, nil: break
    }
    switch run {
    case nil: return poolAlive ? .queued : (task == .completed ? .failed : .pending)
    case .running?: return .running
    case .paused?: return .paused
    case .stopped?: return .stopped
    case .failed?: return .failed
    case .stale?: return .stale
    case .unknown?: return .unknown
    case .finished?: return .finished
    }
  }
}
