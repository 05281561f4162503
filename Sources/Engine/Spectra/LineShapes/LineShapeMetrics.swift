import Foundation

/// What a person reads off a peak whatever its parameterisation: the maximum (height and where it
/// is), the full width at half maximum and the area. Symmetric shapes give them analytically; the
/// asymmetric ones (and Voigt's FWHM, GL product's FWHM) are found numerically: the maximum by
/// golden-section search, each half-maximum crossing by bisection to 1e-12 relative.
public struct LineShapeMetrics: Sendable, Equatable {
  public var height: Double
  public var position: Double
  public var fwhm: Double
  /// The area; over `window` when the full area diverges (Doniach–Šunjić), else over all x.
  public var area: Double
}

extension LineShape {
  /// Metrics of a·u(x − c; w, s). `window` (absolute x) bounds the area of shapes whose total area
  /// diverges; nil there gives an area of +∞ (reported as such, never as a number).
  public func metrics(amplitude a: Double, center c: Double, fwhm w: Double, shape s: [Double],
                      window: ClosedRange<Double>? = nil) -> LineShapeMetrics {
    let area: Double
    if let unit = unitArea(fwhm: w, shape: s) {
      area = a * unit
    } else if let window {
      area = a * windowArea(fwhm: w, shape: s, from: window.lowerBound - c, to: window.upperBound - c)
    } else {
      area = .infinity
    }
    if isExactFWHMAndHeight {
      return LineShapeMetrics(height: a, position: c, fwhm: w, area: area)
    }
    let u: (Double) -> Double = { self.unitProfile($0, fwhm: w, shape: s) }
    let peak = isSymmetric ? (at: 0.0, value: u(0)) : maximum(u, width: w)
    let half = peak.value / 2
    let right = crossing(u, from: peak.at, step: w / 2, level: half)
    let left = crossing(u, from: peak.at, step: -w / 2, level: half)
    return LineShapeMetrics(height: a * peak.value, position: c + peak.at, fwhm: right - left, area: area)
  }

  /// FWHM parameter that makes this shape's true FWHM equal `target` (for starting values from a
  /// measured width), by secant iteration on the ratio; exact shapes return `target`.
  public func fwhmParameter(forFWHM target: Double, shape s: [Double]) -> Double {
    if isExactFWHMAndHeight { return target }
    var w = target
    for _ in 0..<30 {
      let actual = metrics(amplitude: 1, center: 0, fwhm: w, shape: s).fwhm
      guard actual > 0, actual.isFinite else { return target }
      let next = w * target / actual
      if abs(next - w) <= 1e-12 * w { return next }
      w = next
    }
    return w
  }

  private func maximum(_ u: (Double) -> Double, width w: Double) -> (at: Double, value: Double) {
    // Coarse scan over ±5w finds the basin, golden-section search polishes it.
    var best = 0.0, bestValue = u(0)
    for k in -200...200 {
      let x = Double(k) * w / 40
      let v = u(x)
      if v > bestValue { best = x; bestValue = v }
    }
    var a = best - w / 40, b = best + w / 40
    let g = (5.0.squareRoot() - 1) / 2
    var x1 = b - g * (b - a), x2 = a + g * (b - a)
    var f1 = u(x1), f2 = u(x2)
    for _ in 0..<100 {
      if f1 < f2 { a = x1; x1 = x2; f1 = f2; x2 = a + g * (b - a); f2 = u(x2) }
      else { b = x2; x2 = x1; f2 = f1; x1 = b - g * (b - a); f1 = u(x1) }
      if b - a <= 1e-13 * w { break }
    }
    let x = (a + b) / 2
    let v = u(x)
    return v >= bestValue ? (x, v) : (best, bestValue)
  }

  private func crossing(_ u: (Double) -> Double, from start: Double, step: Double, level: Double) -> Double {
    var inside = start, outside = start + step
    var expansions = 0
    while u(outside) > level && expansions < 200 {
      inside = outside
      outside += step * Double(1 << min(expansions, 30))
      expansions += 1
    }
    for _ in 0..<200 {
      let mid = (inside + outside) / 2
      if u(mid) > level { inside = mid } else { outside = mid }
      if abs(outside - inside) <= 1e-13 * abs(step) { break }
    }
    return (inside + outside) / 2
  }
}
