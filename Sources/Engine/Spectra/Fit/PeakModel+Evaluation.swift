import Formats
import Foundation

/// A model's curves on an x grid: each component, the background, and their sum.
public struct PeakModelCurves: Sendable, Equatable {
  public var components: [[Double]]
  public var background: [Double]
  public var total: [Double]
}

/// Parameter positions looked up once, so evaluating the model inside the fit does no name search.
struct PeakModelPlan: Sendable {
  struct ComponentSlots: Sendable {
    var center: Int
    var amplitude: Int
    var fwhm: Int
    var shape: [Int]
  }
  var components: [ComponentSlots]
  var background: [Int]

  init(_ model: PeakModel) throws {
    try model.validate()
    func slot(_ name: String) throws -> Int {
      guard let i = model.index(of: name) else { throw InputError("the model has no parameter \(name)") }
      return i
    }
    components = try model.components.map { c in
      ComponentSlots(center: try slot(c.centerName), amplitude: try slot(c.amplitudeName),
                     fwhm: try slot(c.fwhmName), shape: try c.shapeNames.map(slot))
    }
    background = try model.backgroundParameterNames.map(slot)
  }
}

extension PeakModel {
  /// The curves for resolved parameter values `v` (ties applied, order of `parameters`) on `x`;
  /// `fixedBackground` is a precomputed background added to the fitted one (zeros if none).
  /// A component given by area is a·u with a = area/∫u (NaN when its area diverges, so a fit of
  /// such a model fails loudly instead of drawing nonsense).
  func curves(x: [Double], values v: [Double], plan: PeakModelPlan, fixedBackground: [Double]?) -> PeakModelCurves {
    let n = x.count
    var peaks = [[Double]]()
    var sum = [Double](repeating: 0, count: n)
    for (k, c) in components.enumerated() {
      let slots = plan.components[k]
      let center = v[slots.center], w = v[slots.fwhm]
      let s = slots.shape.map { v[$0] }
      var amplitude = v[slots.amplitude]
      if c.amplitudeIsArea { amplitude /= c.shape.unitArea(fwhm: w, shape: s) ?? .nan }
      var curve = [Double](repeating: 0, count: n)
      for i in 0..<n {
        curve[i] = amplitude * c.shape.unitProfile(x[i] - center, fwhm: w, shape: s)
        sum[i] += curve[i]
      }
      peaks.append(curve)
    }
    var bg = fixedBackground ?? [Double](repeating: 0, count: n)
    switch background {
    case .polynomial:
      let mid = ((x.min() ?? 0) + (x.max() ?? 0)) / 2
      for i in 0..<n {
        let t = x[i] - mid
        var power = 1.0
        for slot in plan.background { bg[i] += v[slot] * power; power *= t }
      }
    case .activeShirley(let step):
      let base = v[plan.background[0]], k = v[plan.background[1]]
      // Cumulative trapezoid of the peak sum from the low end of the step.
      var order = x.indices.sorted { x[$0] < x[$1] }
      if step == .towardLowerX { order.reverse() }
      var cumulative = 0.0
      for (position, i) in order.enumerated() {
        if position > 0 {
          let j = order[position - 1]
          cumulative += abs(x[i] - x[j]) * (sum[i] + sum[j]) / 2
        }
        bg[i] += base + k * cumulative
      }
    default:
      break
    }
    let total = (0..<n).map { sum[$0] + bg[$0] }
    return PeakModelCurves(components: peaks, background: bg, total: total)
  }

  /// The curves at the model's current parameter values.
  public func curves(x: [Double], fixedBackground: [Double]? = nil) throws -> PeakModelCurves {
    let plan = try PeakModelPlan(self)
    return curves(x: x, values: resolved(parameters.map(\.value)), plan: plan, fixedBackground: fixedBackground)
  }
}
