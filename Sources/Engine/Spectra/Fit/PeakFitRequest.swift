import Formats
import Foundation

/// A peak fit to run: data, the window, the model with its starting values, and the weighting.
/// Fits with the project's Levenberg–Marquardt `Minimizer`; tied parameters are not seen by the
/// minimizer (they follow their targets), fixed ones are held. `fitPeaks(_:observer:)` runs it and
/// returns a `PeakFitResult` (a failed fit is a result too).
public struct PeakFitRequest: FitRequest {
  public var x: [Double]
  public var y: [Double]
  public var model: PeakModel
  /// Only points with x inside the range are fitted (all when nil).
  public var range: ClosedRange<Double>?
  /// Per-point weights 1/σᵢ (absolute when `absoluteWeights`), nil for unit weights.
  public var weights: [Double]?
  public var absoluteWeights: Bool
  public var options: Minimizer.Options

  public init(x: [Double], y: [Double], model: PeakModel, range: ClosedRange<Double>? = nil,
              weights: [Double]? = nil, absoluteWeights: Bool = false, options: Minimizer.Options = Minimizer.Options()) {
    self.x = x
    self.y = y
    self.model = model
    self.range = range
    self.weights = weights
    self.absoluteWeights = absoluteWeights
    self.options = options
  }

  /// The data inside the window, checked.
  func window() throws -> (x: [Double], y: [Double], w: [Double]) {
    guard x.count == y.count else { throw InputError("x has \(x.count) points but y has \(y.count)") }
    if let weights, weights.count != x.count { throw InputError("\(weights.count) weights for \(x.count) points") }
    let keep = x.indices.filter { range?.contains(x[$0]) ?? true }
    guard keep.count >= 3 else { throw InputError("only \(keep.count) points inside the fit window; need at least 3") }
    let xs = keep.map { x[$0] }, ys = keep.map { y[$0] }
    guard xs.allSatisfy(\.isFinite), ys.allSatisfy(\.isFinite) else {
      throw InputError("the data in the fit window contain a non-finite value")
    }
    let ws = keep.map { weights?[$0] ?? 1 }
    return (xs, ys, ws)
  }

  /// Everything the minimizer needs, built once.
  struct Prepared: Sendable {
    var x: [Double]
    var y: [Double]
    var w: [Double]
    var fixedBackground: [Double]
    var plan: PeakModelPlan
    var independent: [Int]
    /// Typical magnitude of each independent parameter, for difference steps (see `minimizerModel`).
    var scales: [Double]
    /// The analytic evaluation and Jacobian, when every component's shape has one.
    var kernel: PeakModelKernel?
  }

  func prepare() throws -> Prepared {
    let data = try window()
    let plan = try PeakModelPlan(model)
    let fixed = model.background.isPrecomputed ? try model.background.precompute(x: data.x, y: data.y) : nil
    let independent = model.parameters.indices.filter { model.parameters[$0].tie == nil }
    let span = max((data.x.max() ?? 0) - (data.x.min() ?? 0), .leastNormalMagnitude)
    let yScale = max(data.y.map(abs).max() ?? 1, .leastNormalMagnitude)
    let scales = independent.map { i -> Double in
      let p = model.parameters[i]
      if p.name.hasSuffix(".center") { return span }
      if p.name.hasSuffix(".area") { return yScale * span / 10 }
      if p.name.hasSuffix(".height") || p.name == "bg.base" { return yScale }
      if p.name.hasPrefix("bg.a"), let k = Int(p.name.dropFirst(4)), k >= 0, k <= 10 {
        return yScale / Foundation.pow(span / 2, Double(k))
      }
      return max(abs(p.value), 1e-3)
    }
    return Prepared(x: data.x, y: data.y, w: data.w,
                    fixedBackground: fixed ?? [Double](repeating: 0, count: data.x.count),
                    plan: plan, independent: independent, scales: scales,
                    kernel: PeakModelKernel(model: model, plan: plan, x: data.x))
  }

  /// Full resolved parameter vector from the minimizer's (independent) values.
  func expand(_ independentValues: [Double], _ prepared: Prepared) -> [Double] {
    var all = model.parameters.map(\.value)
    for (k, i) in prepared.independent.enumerated() { all[i] = independentValues[k] }
    return model.resolved(all)
  }

  func minimizerParameters(_ prepared: Prepared) -> Parameters {
    Parameters(prepared.independent.map { i in
      let p = model.parameters[i]
      return Parameter(p.name, value: p.value, min: p.min, max: p.max, fixed: p.fixed, unit: p.unit)
    })
  }

  /// Residuals (yᵢ − ŷᵢ)·wᵢ and their Jacobian: analytic when the model allows it
  /// (`PeakModelKernel`), else forward differences with steps √ε·max(|p|, scale): a step relative
  /// to |p| alone vanishes for a parameter that settles near zero (a flat background's slope),
  /// which would make its column noise and the covariance singular.
  func minimizerModel(_ prepared: Prepared) -> FitModel {
    if let kernel = prepared.kernel { return analyticMinimizerModel(prepared, kernel: kernel) }
    return numericalMinimizerModel(prepared)
  }

  /// The forward-difference form of `minimizerModel` (also the reference the tests hold the
  /// analytic Jacobian to).
  func numericalMinimizerModel(_ prepared: Prepared) -> FitModel {
    let request = self
    let residuals: @Sendable ([Double]) -> [Double] = { values in
      let v = request.expand(values, prepared)
      let c = request.model.curves(x: prepared.x, values: v, plan: prepared.plan, fixedBackground: prepared.fixedBackground)
      return (0..<prepared.x.count).map { (prepared.y[$0] - c.total[$0]) * prepared.w[$0] }
    }
    let count = prepared.x.count
    return FitModel(residualCount: count, residuals: residuals) { values in
      let r0 = residuals(values)
      var j = Matrix(rows: count, columns: values.count)
      for k in 0..<values.count {
        var q = values
        q[k] += 1.4901161193847656e-08 * max(abs(values[k]), prepared.scales[k])
        let step = q[k] - values[k]
        let r1 = residuals(q)
        for i in 0..<count { j[i, k] = (r1[i] - r0[i]) / step }
      }
      return j
    }
  }

  /// FitRequest: runs the minimisation (a model that cannot be prepared gives a failed result).
  public func run(observer: FitObserver?) -> FitResult {
    fitPeaks(self, observer: observer).fit
  }

  /// FitRequest: the report, parameters being the independent (untied) ones.
  public func report(_ result: FitResult) -> FitReport {
    FitReport(result, model: modelDescription, weighting: weights == nil ? "unit" : "given")
  }

  /// The model as the inline syntax writes it, e.g. "shirley + voigt(284.8) + voigt(286.3)".
  public var modelDescription: String {
    var parts = [model.background.name]
    for c in model.components {
      let center = model[c.centerName]?.value ?? .nan
      parts.append("\(c.shape.rawValue)(\(center))")
    }
    return parts.joined(separator: " + ")
  }
}
