import Engine

/// A fit in progress, as the pane shows it: the current parameter values, χ² and where the
/// search is.
public struct ImpedanceFitProgress: Equatable, Sendable {
  public var entry: Int
  public var values: [Double]
  public var chiSquare: Double
  public var iteration: Int
  /// "start 3/12", "refining 1/3", "local".
  public var stage: String

  public init(entry: Int, values: [Double], chiSquare: Double, iteration: Int, stage: String) {
    self.entry = entry
    self.values = values
    self.chiSquare = chiSquare
    self.iteration = iteration
    self.stage = stage
  }
}

/// A finished fit of one spectrum (the pane stores it with the spectrum).
public struct ImpedanceFitOutcome: Equatable, Sendable {
  public var entry: Int
  public var key: ImpedanceSpectrumKey
  public var circuit: Circuit
  public var weighting: ImpedanceWeighting
  public var result: FitResult
  /// What the export writes and the Arrhenius view reads: the same report `eis fit --json` prints.
  public var report: FitReport
}

/// The work behind `f` and `F` (`ImpedanceJob.fit`): `CircuitFit.run` on each request — the
/// request the CLI's `eis fit` builds from the same settings, so the pane's numbers equal
/// `glovebox eis fit` on the same file — with an observer that posts each iteration as an
/// `ImpedanceFitProgress` and asks the fit to stop once the job is cancelled (the job then
/// throws `JobCancelled`).
public enum ImpedanceFitJob {
  /// Performs `ImpedanceJob.fit`: the requests in turn, with progress and cancellation.
  public static func run(_ requests: [ImpedanceFitRequest], context: JobContext) throws -> [ImpedanceFitOutcome] {
    try requests.map { try fit($0, context: context) }
  }

  /// Fits one request. Its `given` parameters (values, fixed flags, bounds) win; when they
  /// cover every parameter of the circuit the fit is local from there, otherwise the automatic
  /// multi-start search fills in the rest (`CircuitFitRequest.Search.automatic`).
  public static func fit(_ request: ImpedanceFitRequest, context: JobContext) throws -> ImpedanceFitOutcome {
    try context.checkCancellation()
    let entry = request.entry
    let observer = FitObserver { progress in
      if context.isCancelled { return .stop }
      context.report(.impedanceFit(ImpedanceFitProgress(
        entry: entry, values: progress.values, chiSquare: progress.chiSquare, iteration: progress.iteration,
        stage: progress.stage ?? "local")))
      return .proceed
    }
    let fit = request.fit
    let result = CircuitFit.run(fit, observer: observer)
    try context.checkCancellation()
    if result.stopped { throw JobCancelled() }
    return ImpedanceFitOutcome(entry: entry, key: request.key, circuit: fit.circuit, weighting: fit.weighting, result: result, report: fit.report(result))
  }
}
