/// One point of a sweep as `sim sweep status` and the Simulation pane show it: its entry in
/// sweep.json, its merged state and its observables. Pure; the edge gathers the inputs.
public struct SweepPointSummary: Sendable, Equatable {
  public var index: Int
  public var folder: String
  /// Values in `SweepIndex.keys` order.
  public var parameters: [SweepValue]
  public var state: SweepPointState
  /// Why it failed/stopped/is stale (the run's reason), when known.
  public var reason: String?
  public var step: Int?
  /// The run's simulated time from status.json (s), which runs ahead of metrics.csv's last row.
  public var time: Double?
  public var observables: SweepObservables
  /// What could not be read (status.json, metrics.csv), with file and line.
  public var problems: [String]

  public init(index: Int, folder: String, parameters: [SweepValue], state: SweepPointState, reason: String?,
              step: Int?, observables: SweepObservables, problems: [String], time: Double? = nil) {
    self.index = index
    self.folder = folder
    self.parameters = parameters
    self.state = state
    self.reason = reason
    self.step = step
    self.time = time
    self.observables = observables
    self.problems = problems
  }
}
