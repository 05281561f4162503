/// Threads × processes of a sweep: how many solver threads each point runs with.
///
/// Local pool: the user's choice (`--threads`, `[local] threads`), else cores ÷ processes (at
/// least 1), so the default never oversubscribes the machine. A choice whose product with the
/// processes exceeds the cores is allowed (the user may know better, e.g. hyper-threads the
/// count misses) but is said in a warning naming what was chosen.
/// Slurm: the user's choice, else the task's `$SLURM_CPUS_PER_TASK` (1 when Slurm does not set it).
public enum SweepThreads {
  /// The counts `sim run --threads` accepts.
  public static let allowed = 1...1024

  /// Threads per point of a local pool of `processes` on `cores` cores.
  public static func local(chosen: Int?, processes: Int, cores: Int) -> Int {
    chosen ?? max(1, max(1, cores) / max(1, processes))
  }

  /// The warning for threads × processes above the cores, nil when they fit.
  public static func oversubscription(threads: Int, processes: Int, cores: Int) -> String? {
    let (total, overflow) = threads.multipliedReportingOverflow(by: processes)
    guard overflow || total > cores else { return nil }
    return "\(processes) process\(processes == 1 ? "" : "es") × \(threads) thread\(threads == 1 ? "" : "s") = "
      + "\(overflow ? "more than \(Int.max)" : "\(total)") solver threads on \(cores) core\(cores == 1 ? "" : "s"), as chosen; "
      + "the points will share the cores (the default, cores ÷ processes, would be \(max(1, cores / max(1, processes))))"
  }

  /// How `sweep status` names a submission's threads: "2" or, for a Slurm array left to
  /// the cluster, "$SLURM_CPUS_PER_TASK".
  public static func describe(_ threads: Int?) -> String {
    threads.map(String.init) ?? "$SLURM_CPUS_PER_TASK"
  }
}
