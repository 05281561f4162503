import Engine

/// A fit in progress, as the pane shows it: the current parameter values, χ² and where the
/// search is.
public struct ImpedanceFitProgress: Sendable {
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
public struct ImpedanceFitOutcome: Sendable {
  public var entry: Int
  public var circuit: Circuit
  public var weighting: ImpedanceWeighting
  public var result: FitResult
  /// What the export writes and the Arrhenius view reads: the same report `eis fit --json` prints.
  public var report: FitReport
}

/// The background work behind `f` and `F`: `CircuitFit.run` on the request the CLI's `eis fit`
/// would build from the same settings (so the pane's numbers equal `glovebox eis fit` on the same
/// file), with an observer that posts each iteration as an `ImpedanceFitProgress` and asks the
/// fit to stop once the job is cancelled (the job then throws `JobCancelled`).
public enum ImpedanceFitJob {
  /// Fits `spectrum`. `given` holds the parameters the user set (values, fixed flags, bounds);
  /// when it covers every parameter of the circuit the fit is local from there, otherwise the
  /// automatic multi-start search fills in the rest (`CircuitFitRequest.Search.automatic`).
  public static func fit(
    entry: Int, circuit: Circuit, spectrum: ImpedanceSpectrum, weighting: ImpedanceWeighting, given: Parameters,
    context: JobContext
  ) throws -> ImpedanceFitOutcome {
    try context.checkCancellation()
    let request = CircuitFitRequest(circuit: circuit, spectrum: spectrum, weighting: weighting, given: given)
    let observer = FitObserver { progress in
      if context.isCancelled { return .stop }
      context.report(ImpedanceFitProgress(
        entry: entry, values: progress.values, chiSquare: progress.chiSquare, iteration: progress.iteration,
        stage: progress.stage ?? "local"))
      return .proceed
    }
    let result = CircuitFit.run(request, observer: observer)
    try context.checkCancellation()
    if result.stopped { throw JobCancelled() }
    return ImpedanceFitOutcome(entry: entry, circuit: circuit, weighting: weighting, result: result,
                               report: request.report(result))
  }
}
