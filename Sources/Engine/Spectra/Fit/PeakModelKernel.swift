import Foundation

/// The fit's inner loop: the model's total curve on the fit window and its analytic Jacobian with
/// respect to the minimizer's (untied) parameters, for models whose every component is one of
/// `LineShape.analyticDerivativeShapes` given by area (any background). Each point of each
/// component costs one profile evaluation (one Faddeeva for a Voigt) whether or not derivatives
/// are wanted, and nothing is allocated per point.
/// Chain rule through ties: ∂r/∂uₖ = Σᵢ ∂r/∂vᵢ·∂vᵢ/∂uₖ, where vᵢ = uₖ for the parameter itself and
/// vᵢ = tie(uₖ) for the parameters tied to it (`PeakParameter.Tie.derivative`).
/// Backgrounds: a polynomial Σ aⱼtʲ gives ∂/∂aⱼ = tʲ; the active Shirley B = base + k·C(P) (C the
/// cumulative trapezoid of the peak sum P along the step) gives ∂B/∂base = 1, ∂B/∂k = C and
/// ∂B/∂v = k·C(∂P/∂v), since C is linear; a precomputed background does not depend on them.
struct PeakModelKernel: Sendable {
  struct Component: Sendable {
    var shape: LineShape
    var slots: PeakModelPlan.ComponentSlots
  }
  let x: [Double]
  let components: [Component]
  let background: PeakBackground
  let backgroundSlots: [Int]
  /// x − (window midpoint), for the polynomial background.
  let polynomialT: [Double]
  /// Point indices along the Shirley step's integration direction.
  let shirleyOrder: [Int]
  let parameterCount: Int
  let cache = FaddeevaCache()

  /// nil when some component has no analytic derivatives (the fit then differentiates numerically).
  init?(model: PeakModel, plan: PeakModelPlan, x: [Double]) {
    guard model.components.allSatisfy({ LineShape.analyticDerivativeShapes.contains($0.shape) && $0.amplitudeIsArea })
    else { return nil }
    self.x = x
    components = zip(model.components, plan.components).map { Component(shape: $0.shape, slots: $1) }
    background = model.background
    backgroundSlots = plan.background
    let mid = ((x.min() ?? 0) + (x.max() ?? 0)) / 2
    polynomialT = x.map { $0 - mid }
    var order = x.indices.sorted { x[$0] < x[$1] }
    if case .activeShirley(let step) = model.background, step == .towardLowerX { order.reverse() }
    shirleyOrder = order
    parameterCount = model.parameters.count
  }

  /// The total curve (peaks + fitted background + `fixedBackground`) for resolved values `v`.
  func total(_ v: [Double], fixedBackground: [Double]) -> [Double] {
    var peaks = [Double](repeating: 0, count: x.count)
    var faddeevaValues: [Double] = []
    faddeevaValues.reserveCapacity(2 * x.count * components.filter { $0.shape == .voigt }.count)
    for c in components {
      let center = v[c.slots.center], area = v[c.slots.amplitude], w = v[c.slots.fwhm]
      let s0 = c.slots.shape.first.map { v[$0] } ?? 0
      if c.shape == .voigt {
        for i in x.indices {
          let dx = x[i] - center
          let z = LineShape.voigtArgument(dx, fwhm: w, lorentzianFWHM: s0)
          let fw = faddeeva(x: z.0, y: z.1)
          faddeevaValues.append(fw.re)
          faddeevaValues.append(fw.im)
          peaks[i] += LineShape.voigtProfile(fw, dx, area: area, fwhm: w, lorentzianFWHM: s0, derivatives: false).value
        }
        continue
      }
      for i in x.indices {
        peaks[i] += c.shape.areaProfile(x[i] - center, area: area, fwhm: w, shape: s0, derivatives: false).value
      }
    }
    if !faddeevaValues.isEmpty { cache.store(faddeevaValues, at: v) }
    var out = peaks
    addBackground(v, peaks: peaks, fixedBackground: fixedBackground, into: &out)
    return out
  }

  private func addBackground(_ v: [Double], peaks: [Double], fixedBackground: [Double], into out: inout [Double]) {
    for i in out.indices { out[i] += fixedBackground[i] }
    switch background {
    case .polynomial:
      for i in out.indices {
        var power = 1.0
        for slot in backgroundSlots { out[i] += v[slot] * power; power *= polynomialT[i] }
      }
    case .activeShirley:
      let base = v[backgroundSlots[0]], k = v[backgroundSlots[1]]
      var cumulative = 0.0
      for (position, i) in shirleyOrder.enumerated() {
        if position > 0 {
          let j = shirleyOrder[position - 1]
          cumulative += abs(x[i] - x[j]) * (peaks[i] + peaks[j]) / 2
        }
        out[i] += base + k * cumulative
      }
    default:
      break
    }
  }

  /// ∂(total)/∂vᵢ for every resolved parameter i, row-major (point × parameter).
  func derivatives(_ v: [Double]) -> [Double] {
    let p = parameterCount
    var d = [Double](repeating: 0, count: x.count * p)
    var peaks = [Double](repeating: 0, count: x.count)
    let stored = cache.values(at: v)
    var storedIndex = 0
    for c in components {
      let center = v[c.slots.center], area = v[c.slots.amplitude], w = v[c.slots.fwhm]
      let shapeSlot = c.slots.shape.first
      let s0 = shapeSlot.map { v[$0] } ?? 0
      let reuse = c.shape == .voigt ? stored : nil
      for i in x.indices {
        let dx = x[i] - center
        let q: LineShapePoint
        if let reuse {
          q = LineShape.voigtProfile((reuse[storedIndex], reuse[storedIndex + 1]), dx, area: area, fwhm: w,
                                     lorentzianFWHM: s0, derivatives: true)
          storedIndex += 2
        } else {
          q = c.shape.areaProfile(dx, area: area, fwhm: w, shape: s0, derivatives: true)
        }
        peaks[i] += q.value
        let row = i * p
        d[row + c.slots.center] += q.dCenter
        d[row + c.slots.amplitude] += q.dArea
        d[row + c.slots.fwhm] += q.dFWHM
        if let shapeSlot { d[row + shapeSlot] += q.dShape }
      }
    }
    switch background {
    case .polynomial:
      for i in x.indices {
        var power = 1.0
        for slot in backgroundSlots { d[i * p + slot] += power; power *= polynomialT[i] }
      }
    case .activeShirley:
      let baseSlot = backgroundSlots[0], kSlot = backgroundSlots[1]
      let k = v[kSlot]
      let peakSlots = Set(components.flatMap { [$0.slots.center, $0.slots.amplitude, $0.slots.fwhm] + $0.slots.shape })
      for slot in peakSlots.sorted() {
        var cumulative = 0.0
        var previous = 0.0
        for (position, i) in shirleyOrder.enumerated() {
          let here = d[i * p + slot]
          if position > 0 {
            let j = shirleyOrder[position - 1]
            cumulative += abs(x[i] - x[j]) * (here + previous) / 2
          }
          previous = here
          d[i * p + slot] += k * cumulative
        }
      }
      var cumulative = 0.0
      for (position, i) in shirleyOrder.enumerated() {
        if position > 0 {
          let j = shirleyOrder[position - 1]
          cumulative += abs(x[i] - x[j]) * (peaks[i] + peaks[j]) / 2
        }
        d[i * p + baseSlot] += 1
        d[i * p + kSlot] += cumulative
      }
    default:
      break
    }
    return d
  }
}
