/// Where a running fit is, as an observer sees it once per iteration.
public struct FitProgress: Equatable, Sendable {
  /// 1 for the first iteration. A multi-stage search (several starts, then refinement) counts
  /// on across its stages, so the numbers one observer sees never decrease.
  public var iteration: Int
  /// The parameter values at the start of this iteration (all parameters, fixed ones included,
  /// in the order of the fit's `Parameters`).
  public var values: [Double]
  /// χ² = Σ rᵢ² of the weighted residuals at `values`.
  public var chiSquare: Double
  /// Which part of a multi-stage search is running ("start 3/12", "refining 1/3", "local");
  /// nil from a bare `Minimizer`.
  public var stage: String?

  public init(iteration: Int, values: [Double], chiSquare: Double, stage: String? = nil) {
    self.iteration = iteration
    self.values = values
    self.chiSquare = chiSquare
    self.stage = stage
  }
}

/// What an observer answers: carry on, or end the fit now.
public enum FitDecision: Equatable, Sendable {
  case proceed
  case stop
}

/// Watches a fit: called once per iteration, before the iteration's work, with the current
/// point; answering `.stop` ends the fit cleanly and its `FitResult` says so (`stopped`,
/// `success == false`). The closure runs on the fitting thread and should return quickly.
///
/// Every fit in Engine takes the same shape — a request value, `run(observer:)` returning a
/// `FitResult`, and a `FitReport` for people and files — so a pane's job, the CLI and the tests
/// drive circuit fits and peak fits the same way.
public struct FitObserver: Sendable {
  private let body: @Sendable (FitProgress) -> FitDecision

  public init(_ body: @escaping @Sendable (FitProgress) -> FitDecision) {
    self.body = body
  }

  public func callAsFunction(_ progress: FitProgress) -> FitDecision { body(progress) }

  /// This observer seeing the iterations of one stage of a longer search: iteration numbers
  /// shifted by `iterationOffset` (the iterations of the stages before) and labelled `stage`.
  public func stage(_ stage: String, iterationOffset: Int) -> FitObserver {
    FitObserver { progress in
      var relabelled = progress
      relabelled.iteration += iterationOffset
      relabelled.stage = stage
      return self.body(relabelled)
    }
  }
}

/// A fit as a value: what to fit and how, run by Engine on any thread. Domain requests
/// (`CircuitFitRequest`, the spectra's peak fits) conform, so a job or a command can hold "a fit
/// to do" without knowing its domain.
public protocol FitRequest: Sendable {
  /// Runs the fit; `observer` sees every iteration and may stop it (the result then says so).
  func run(observer: FitObserver?) -> FitResult
  /// The report of a result of this request: the model and weighting described for people.
  func report(_ result: FitResult) -> FitReport
}
