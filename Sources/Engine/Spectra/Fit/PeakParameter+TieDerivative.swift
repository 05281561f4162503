import Foundation

extension PeakParameter.Tie {
  /// d(tied value)/d(target value), for the Jacobian's chain rule: 1 for an offset, the factor for
  /// a ratio, and for a Kα2 position 2θ₂ = 2·asin(r·sin θ₁) (degrees, θ₁ = 2θ₁/2 in radians)
  /// d(2θ₂)/d(2θ₁) = r·cos θ₁/√(1 − r² sin² θ₁) (NaN where 2θ₂ does not exist).
  public func derivative(from other: Double) -> Double {
    switch self {
    case .offset: return 1
    case .ratio(_, let f): return f
    case .kAlpha2(_, let r):
      let theta = other / 2 * .pi / 180
      let s = r * Foundation.sin(theta)
      return s.magnitude < 1 ? r * Foundation.cos(theta) / (1 - s * s).squareRoot() : .nan
    }
  }
}
