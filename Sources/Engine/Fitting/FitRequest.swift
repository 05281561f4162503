/// A fit as a value: what to fit and how, run by Engine on any thread. Domain requests
/// (`CircuitFitRequest`, the spectra's peak fits) conform, so a job or a command can hold "a fit
/// to do" without knowing its domain.
public protocol FitRequest: Sendable {
  /// Runs the fit; `observer` sees every iteration and may stop it (the result then says so).
  func run(observer: FitObserver?) -> FitResult
  /// The report of a result of this request: the model and weighting described for people.
  func report(_ result: FitResult) -> FitReport
}
