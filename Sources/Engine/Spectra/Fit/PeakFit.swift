import Foundation

/// Runs a peak fit: prepares the window and any precomputed background, minimises χ² with
/// Levenberg–Marquardt (the observer may stop it), and derives every reported quantity with its
/// standard error. Errors of tied parameters and of derived quantities (height, area, FWHM of
/// shapes whose parameters are not those quantities, % area) are propagated from the covariance
/// C of the free parameters: σ_q² = ∇qᵀ C ∇q, ∇q by central differences (step 1e-6 of each
/// parameter's scale). An input problem (bad window, unknown tie) becomes a failed result whose
/// message says what was wrong.
public func fitPeaks(_ request: PeakFitRequest, observer: FitObserver? = nil) -> PeakFitResult {
  let prepared: PeakFitRequest.Prepared
  do {
    prepared = try request.prepare()
  } catch {
    return failedPeakFit(request, message: "\(error)")
  }
  var minimizer = Minimizer(model: request.minimizerModel(prepared), options: request.options)
  minimizer.options.scaleCovariance = !request.absoluteWeights
  let fit = minimizer.minimize(request.minimizerParameters(prepared), observer: observer)
  return peakFitResult(request, prepared, fit)
}

private func failedPeakFit(_ request: PeakFitRequest, message: String) -> PeakFitResult {
  let empty = Parameters(request.model.parameters.filter { $0.tie == nil }.map {
    Parameter($0.name, value: $0.value, min: $0.min, max: $0.max, fixed: $0.fixed, unit: $0.unit)
  })
  let fit = FitResult(
    parameters: empty, standardErrors: Array(repeating: .nan, count: empty.count),
    correlations: Matrix(rows: 0, columns: 0), freeNames: [], covariance: Matrix(rows: 0, columns: 0),
    chiSquare: .nan, reducedChiSquare: .nan, rmse: .nan, aic: .nan, bic: .nan, iterations: 0,
    evaluations: 0, success: false, message: message, residuals: [])
  return PeakFitResult(
    fit: fit, report: request.report(fit), model: request.model, parameters: [:], components: [],
    x: [], y: [], background: [], componentCurves: [], total: [], residuals: [], chiSquare: .nan,
    reducedChiSquare: .nan, rSquared: .nan, correlation: FitReport.Correlation(parameters: [], matrix: []))
}

private func peakFitResult(_ request: PeakFitRequest, _ prepared: PeakFitRequest.Prepared,
                           _ fit: FitResult) -> PeakFitResult {
  var model = request.model
  let independentValues = fit.parameters.values
  let resolved = request.expand(independentValues, prepared)
  for i in model.parameters.indices { model.parameters[i].value = resolved[i] }
  let curves = model.curves(x: prepared.x, values: resolved, plan: prepared.plan, fixedBackground: prepared.fixedBackground)
  let residuals = (0..<prepared.x.count).map { prepared.y[$0] - curves.total[$0] }
  let mean = prepared.y.reduce(0, +) / Double(prepared.y.count)
  let ssTotal = prepared.y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  let ssResidual = residuals.reduce(0) { $0 + $1 * $1 }
  let rSquared = ssTotal > 0 ? 1 - ssResidual / ssTotal : .nan

  // Free parameters' positions among the independent ones, for the covariance.
  let independentNames = fit.parameters.names
  let freeSlots = fit.freeNames.compactMap { independentNames.firstIndex(of: $0) }
  let singular = fit.standardErrors.contains { $0.isNaN }
  let window = (prepared.x.min() ?? 0)...(prepared.x.max() ?? 0)

  /// Standard error of q(independent values) through the covariance.
  func propagate(_ q: ([Double]) -> Double) -> Double {
    if singular || freeSlots.count != fit.covariance.rows { return .nan }
    var gradient = [Double](repeating: 0, count: freeSlots.count)
    for (k, slot) in freeSlots.enumerated() {
      let scale = max(abs(independentValues[slot]), fit.standardErrors[slot].isFinite ? fit.standardErrors[slot] : 0, 1e-12)
      let h = 1e-6 * scale
      var plus = independentValues, minus = independentValues
      plus[slot] += h
      minus[slot] -= h
      gradient[k] = (q(plus) - q(minus)) / (2 * h)
    }
    var variance = 0.0
    for a in 0..<freeSlots.count { for b in 0..<freeSlots.count { variance += gradient[a] * fit.covariance[a, b] * gradient[b] } }
    return max(variance, 0).squareRoot()
  }

  var parameters: [String: Estimate] = [:]
  for (i, p) in model.parameters.enumerated() {
    if p.tie == nil, let k = independentNames.firstIndex(of: p.name) {
      parameters[p.name] = Estimate(resolved[i], fit.standardErrors[k])
    } else {
      parameters[p.name] = Estimate(resolved[i], propagate { request.expand($0, prepared)[i] })
    }
  }

  let components = componentResults(
    request, prepared, model: model, independentValues: independentValues, window: window,
    parameters: parameters, gradientSlots: (singular || freeSlots.count != fit.covariance.rows) ? nil : freeSlots,
    standardErrors: fit.standardErrors, covariance: fit.covariance)
  let report = FitReport(fit, model: request.modelDescription, weighting: request.weights == nil ? "unit" : "given",
                         rSquared: rSquared)
  return PeakFitResult(
    fit: fit, report: report, model: model, parameters: parameters, components: components, x: prepared.x,
    y: prepared.y, background: curves.background, componentCurves: curves.components, total: curves.total,
    residuals: residuals, chiSquare: fit.chiSquare, reducedChiSquare: fit.reducedChiSquare, rSquared: rSquared,
    correlation: report.correlation)
}
