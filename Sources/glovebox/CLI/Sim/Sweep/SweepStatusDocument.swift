import Engine
import Foundation

/// The JSON of `sweep status --json` (null for an unknown value; no NaN is ever written).
struct SweepStatusDocument: Encodable {
  struct Point: Encodable {
    var index: Int
    var folder: String
    var parameters: [String: SweepValue]
    var state: String
    var reason: String?
    var step: Int?
    var finalTimeS: Double?
    var finalTipHeightUm: Double?
    var finalLiAreaFraction: Double?
    var tipHeightUmAt: Double?
    var liAreaFractionAt: Double?
    var crossingTimeS: Double?
    var problems: [String]

    enum CodingKeys: String, CodingKey {
      case index, folder, parameters, state, reason, step, problems
      case finalTimeS = "final_time_s", finalTipHeightUm = "final_tip_height_um", finalLiAreaFraction = "final_li_area_fraction"
      case tipHeightUmAt = "tip_height_um_at", liAreaFractionAt = "li_area_fraction_at", crossingTimeS = "crossing_time_s"
    }
  }
  var name: String
  var folder: String
  var executor: String
  var keys: [String]
  var at: Double?
  var crossTipHeightUm: Double?
  var poolPid: Int32?
  var jobIds: [String]
  /// The latest submission's solver threads per point: a count, or "$SLURM_CPUS_PER_TASK" for
  /// a Slurm array left to the cluster; null before anything was submitted.
  var threadsPerPoint: SweepValue?
  /// Whether the user chose the threads (else the default: cores ÷ processes, or the task's CPUs).
  var threadsChosen: Bool
  var processes: Int?
  var warnings: [String]
  var points: [Point]

  enum CodingKeys: String, CodingKey {
    case name, folder, executor, keys, at, warnings, points
    case crossTipHeightUm = "cross_tip_height_um", poolPid = "pool_pid", jobIds = "job_ids"
    case threadsPerPoint = "threads_per_point", threadsChosen = "threads_chosen", processes
  }

  init(_ g: SweepState.Gathered, folder: URL, at: Double?, crossing: Double?) {
    func finite(_ v: Double?) -> Double? { v.flatMap { $0.isFinite ? $0 : nil } }
    name = g.index.name
    self.folder = folder.path
    executor = g.index.executor.rawValue
    keys = g.index.keys
    self.at = at
    crossTipHeightUm = crossing
    poolPid = g.poolPid
    jobIds = g.index.submissions.compactMap(\.jobId)
    let last = g.index.submissions.last
    threadsPerPoint = last.flatMap { s in s.threads.map { .integer($0) } ?? (s.jobId != nil ? .string(SweepThreads.describe(nil)) : nil) }
    threadsChosen = g.index.threads != nil
    processes = last?.processes
    warnings = g.warnings
    points = g.points.map { p in
      let o = p.observables
      return Point(index: p.index, folder: p.folder,
                   parameters: Dictionary(zip(g.index.keys, p.parameters), uniquingKeysWith: { a, _ in a }),
                   state: p.state.rawValue, reason: p.reason, step: p.step, finalTimeS: finite(o.finalTime),
                   finalTipHeightUm: finite(o.finalTipHeight), finalLiAreaFraction: finite(o.finalLiArea),
                   tipHeightUmAt: finite(o.tipHeightAt), liAreaFractionAt: finite(o.liAreaAt),
                   crossingTimeS: finite(o.crossingTime), problems: p.problems)
    }
  }
}
