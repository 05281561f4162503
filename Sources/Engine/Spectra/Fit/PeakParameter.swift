/// One parameter of a peak model: a value that is free (optionally bounded), fixed, or tied to
/// another parameter. Names are `component.quantity`, e.g. `p1.center`, `p2.area`, `bg.k`.
public struct PeakParameter: Sendable, Equatable, Codable {
  /// How a tied parameter follows the one it is tied to (which must itself be untied).
  public enum Tie: Sendable, Equatable, Codable {
    /// value = other + offset (a spin-orbit splitting in eV).
    case offset(String, Double)
    /// value = other × factor (a doublet's area ratio, a FWHM ratio).
    case ratio(String, Double)
    /// Kα2 position from Kα1: 2θ₂ = 2·asin((λ₂/λ₁)·sin(2θ₁/2)), angles in degrees; `ratio` = λ₂/λ₁.
    case kAlpha2(String, wavelengthRatio: Double)

    public var target: String {
      switch self {
      case .offset(let t, _), .ratio(let t, _), .kAlpha2(let t, _): return t
      }
    }

    /// The tied value given the target's value.
    public func value(from other: Double) -> Double {
      switch self {
      case .offset(_, let d): return other + d
      case .ratio(_, let f): return other * f
      case .kAlpha2(_, let r):
        let s = r * (other / 2 * .pi / 180).sinValue
        return s.magnitude < 1 ? 2 * s.arcsineValue * 180 / .pi : .nan
      }
    }
  }

  public var name: String
  public var value: Double
  public var min: Double
  public var max: Double
  public var fixed: Bool
  public var tie: Tie?
  public var unit: String

  public init(_ name: String, value: Double, min: Double = -.infinity, max: Double = .infinity,
              fixed: Bool = false, tie: Tie? = nil, unit: String = "") {
    self.name = name
    self.value = value
    self.min = min
    self.max = max
    self.fixed = fixed
    self.tie = tie
    self.unit = unit
  }

  /// Takes part in the minimisation (neither fixed nor tied).
  public var isFree: Bool { !fixed && tie == nil }
}

import Foundation

extension Double {
  var sinValue: Double { Foundation.sin(self) }
  var arcsineValue: Double { Foundation.asin(self) }
}
