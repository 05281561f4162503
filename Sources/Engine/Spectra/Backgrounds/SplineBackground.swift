import Formats
import Foundation

/// A natural cubic spline (second derivative zero at both ends) through chosen anchor points
/// (xₖ, yₖ): between anchors the background is the cubic that matches values and first and second
/// derivatives (de Boor, A Practical Guide to Splines, ch. IV), found from the tridiagonal system
/// for the knot second derivatives. Outside the anchors it continues linearly (natural end).
public struct NaturalCubicSpline: Sendable {
  public let knots: [Double]
  public let values: [Double]
  let secondDerivatives: [Double]

  public init(knots: [Double], values: [Double]) throws {
    guard knots.count >= 2, knots.count == values.count else {
      throw InputError("a spline needs at least 2 anchor points with one value each")
    }
    for i in 1..<knots.count where !(knots[i] > knots[i - 1]) {
      throw InputError("spline anchors must have strictly increasing x (anchor \(i + 1))")
    }
    self.knots = knots
    self.values = values
    let n = knots.count
    var m = [Double](repeating: 0, count: n)
    if n > 2 {
      // Thomas algorithm on the interior equations h₀M₀ + 2(h₀+h₁)M₁ + h₁M₂ = 6(Δ₁ − Δ₀).
      var diag = [Double](repeating: 0, count: n), rhs = [Double](repeating: 0, count: n)
      var upper = [Double](repeating: 0, count: n)
      for i in 1..<(n - 1) {
        let h0 = knots[i] - knots[i - 1], h1 = knots[i + 1] - knots[i]
        diag[i] = 2 * (h0 + h1)
        upper[i] = h1
        rhs[i] = 6 * ((values[i + 1] - values[i]) / h1 - (values[i] - values[i - 1]) / h0)
        if i > 1 {
          let factor = h0 / diag[i - 1]
          diag[i] -= factor * upper[i - 1]
          rhs[i] -= factor * rhs[i - 1]
        }
      }
      var i = n - 2
      while i >= 1 {
        m[i] = (rhs[i] - (i + 1 <= n - 2 ? upper[i] * m[i + 1] : 0)) / diag[i]
        i -= 1
      }
    }
    secondDerivatives = m
  }

  public func callAsFunction(_ x: Double) -> Double {
    let n = knots.count
    if x <= knots[0] {
      return values[0] + slope(at: 0) * (x - knots[0])
    }
    if x >= knots[n - 1] {
      return values[n - 1] + slope(at: n - 1) * (x - knots[n - 1])
    }
    var lo = 0, hi = n - 1
    while hi - lo > 1 { let mid = (lo + hi) / 2; if knots[mid] <= x { lo = mid } else { hi = mid } }
    let h = knots[hi] - knots[lo]
    let a = (knots[hi] - x) / h, b = (x - knots[lo]) / h
    return a * values[lo] + b * values[hi]
      + ((a * a * a - a) * secondDerivatives[lo] + (b * b * b - b) * secondDerivatives[hi]) * h * h / 6
  }

  private func slope(at i: Int) -> Double {
    let n = knots.count
    if i == 0 {
      let h = knots[1] - knots[0]
      return (values[1] - values[0]) / h - h * (2 * secondDerivatives[0] + secondDerivatives[1]) / 6
    }
    let h = knots[n - 1] - knots[n - 2]
    return (values[n - 1] - values[n - 2]) / h + h * (secondDerivatives[n - 2] + 2 * secondDerivatives[n - 1]) / 6
  }
}
