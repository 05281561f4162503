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
