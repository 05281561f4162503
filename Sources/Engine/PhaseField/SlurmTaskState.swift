/// A Slurm array task's state as the scheduler reports it, reduced to what a sweep shows.
public enum SlurmTaskState: String, Sendable, Equatable {
  case queued, running, completed, failed, cancelled, timedOut

  /// squeue's %T or sacct's State word (sacct writes "CANCELLED by 0"; only the first word counts).
  public init?(slurm word: String) {
    let first = word.split(separator: " ").first.map { $0.uppercased() } ?? ""
    switch first {
    case "PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD", "SUSPENDED", "STOPPED",
      "RESIZING", "SIGNALING", "STAGE_OUT":
      self = .queued
    case "RUNNING", "COMPLETING": self = .running
    case "COMPLETED": self = .completed
    case "CANCELLED", "PREEMPTED", "REVOKED", "DEADLINE": self = .cancelled
    case "TIMEOUT": self = .timedOut
    case "FAILED", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "SPECIAL_EXIT": self = .failed
    default: return nil
    }
  }
}
