/// Fits one model to every spectrum of a series (operando Raman during cycling, a depth profile),
/// each fit starting from its neighbour's result: spectrum k starts from the fitted model of
/// spectrum k − 1 when that fit succeeded, else from the last successful one (the given model
/// before any). Results in series order; a failed fit stays in the list as a result. The
/// observer sees each fit as a stage ("spectrum k"), iteration numbers counting on across them.
public func fitPeakSeries(_ spectra: [(x: [Double], y: [Double])], model: PeakModel, range: ClosedRange<Double>? = nil,
                          options: Minimizer.Options = Minimizer.Options(),
                          observer: FitObserver? = nil) -> [PeakFitResult] {
  var start = model
  var results: [PeakFitResult] = []
  var iterations = 0
  for (k, s) in spectra.enumerated() {
    let request = PeakFitRequest(x: s.x, y: s.y, model: start, range: range, options: options)
    let result = fitPeaks(request, observer: observer?.stage("spectrum \(k + 1)", iterationOffset: iterations))
    iterations += result.fit.iterations
    if result.success { start = result.model }
    results.append(result)
  }
  return results
}
