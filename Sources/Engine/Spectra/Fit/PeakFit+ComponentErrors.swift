import Foundation

/// Each component's centre, height, area, FWHM and % of the total area, with standard errors
/// σ_q² = ∇qᵀ C ∇q (C the covariance of the free parameters, ∇q by central differences with step
/// 1e-6 of each parameter's scale, as for the tied parameters in `fitPeaks`).
/// The metrics of all components are computed once per perturbed parameter (not once per
/// quantity), and a component none of whose resolved parameters moved keeps its unperturbed
/// metrics: the Voigt's FWHM is found numerically, so this is most of a fit's cost otherwise.
/// `gradientSlots` nil (singular covariance) gives NaN errors.
func componentResults(_ request: PeakFitRequest, _ prepared: PeakFitRequest.Prepared, model: PeakModel,
                      independentValues: [Double], window: ClosedRange<Double>,
                      parameters: [String: Estimate], gradientSlots: [Int]?,
                      standardErrors: [Double], covariance: Matrix) -> [PeakComponentResult] {
  let plan = prepared.plan
  func componentSlots(_ k: Int) -> [Int] {
    let slots = plan.components[k]
    return [slots.center, slots.amplitude, slots.fwhm] + slots.shape
  }
  func metrics(_ k: Int, _ v: [Double]) -> LineShapeMetrics {
    let c = model.components[k], slots = plan.components[k]
    let w = v[slots.fwhm], s = slots.shape.map { v[$0] }
    var amplitude = v[slots.amplitude]
    if c.amplitudeIsArea { amplitude /= c.shape.unitArea(fwhm: w, shape: s) ?? .nan }
    return c.shape.metrics(amplitude: amplitude, center: v[slots.center], fwhm: w, shape: s, window: window)
  }
  let baseResolved = request.expand(independentValues, prepared)
  let base = model.components.indices.map { metrics($0, baseResolved) }
  func perturbed(_ values: [Double]) -> [LineShapeMetrics] {
    let v = request.expand(values, prepared)
    return model.components.indices.map { k in
      componentSlots(k).contains { v[$0] != baseResolved[$0] } ? metrics(k, v) : base[k]
    }
  }
  /// The five reported quantities of component k from all components' metrics.
  func quantities(_ k: Int, _ m: [LineShapeMetrics]) -> [Double] {
    let total = m.reduce(0) { $0 + $1.area }
    return [m[k].position, m[k].height, m[k].area, m[k].fwhm, 100 * m[k].area / total]
  }
  let count = model.components.count
  // gradients[k][q][a]: ∂(quantity q of component k)/∂(free parameter a).
  var gradients = [[[Double]]](repeating: [[Double]](repeating: [], count: 5), count: count)
  if let slots = gradientSlots {
    for k in 0..<count { gradients[k] = [[Double]](repeating: [Double](repeating: 0, count: slots.count), count: 5) }
    for (a, slot) in slots.enumerated() {
      let scale = max(abs(independentValues[slot]), standardErrors[slot].isFinite ? standardErrors[slot] : 0, 1e-12)
      let h = 1e-6 * scale
      var plus = independentValues, minus = independentValues
      plus[slot] += h
      minus[slot] -= h
      let mPlus = perturbed(plus), mMinus = perturbed(minus)
      for k in 0..<count {
        let qPlus = quantities(k, mPlus), qMinus = quantities(k, mMinus)
        for q in 0..<5 { gradients[k][q][a] = (qPlus[q] - qMinus[q]) / (2 * h) }
      }
    }
  }
  func error(_ gradient: [Double]) -> Double {
    guard let slots = gradientSlots, gradient.count == slots.count else { return .nan }
    var variance = 0.0
    for a in 0..<slots.count { for b in 0..<slots.count { variance += gradient[a] * covariance[a, b] * gradient[b] } }
    return max(variance, 0).squareRoot()
  }
  return model.components.enumerated().map { k, c in
    let value = quantities(k, base)
    let e = gradients[k].map(error)
    let shapeEstimates = Dictionary(uniqueKeysWithValues: zip(c.shape.shapeParameterNames, c.shapeNames).map {
      ($0, parameters[$1] ?? Estimate(.nan, .nan))
    })
    return PeakComponentResult(
      name: c.name, shape: c.shape, center: Estimate(value[0], e[0]), height: Estimate(value[1], e[1]),
      area: Estimate(value[2], e[2]), fwhm: Estimate(value[3], e[3]), areaPercent: Estimate(value[4], e[4]),
      shapeParameters: shapeEstimates)
  }
}
