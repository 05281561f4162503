import Formats
import Foundation

/// Kα2 stripping by Rachinger's method (W. A. Rachinger, J. Sci. Instrum. 25 (1948) 254).
///
/// A laboratory pattern is the Kα1 pattern I₁ plus a copy at the Kα2 wavelength with R times the
/// intensity (R = I(Kα2)/I(Kα1) = 0.5 for the natural doublet). The Kα2 line seen at 2θ comes from
/// the Kα1 line at 2θ₁, sin θ₁ = (λ₁/λ₂) sin θ (Bragg's law at fixed d; 2θ₁ < 2θ). Walking up in
/// angle, I₁ is known below 2θ, so
///   I₁(2θ) = I(2θ) − R · I₁(2θ₁)
/// with I₁(2θ₁) interpolated linearly between the points already stripped. Points whose 2θ₁ lies
/// below the first point take I₁(2θ₁) = 0, so a peak cut by the window's low edge keeps its Kα2
/// part (start the window on background). The same line shape is
/// assumed for both components, as in Rachinger's paper. Angles in degrees, strictly ascending.
public enum KAlpha2Stripping {
  public static func strip(twoTheta x: [Double], intensity y: [Double], kAlpha1: Double, kAlpha2: Double,
                           ratio: Double = 0.5) throws -> [Double] {
    guard x.count == y.count, x.count >= 2 else { throw InputError("Kα2 stripping needs 2θ and intensities of equal length ≥ 2") }
    guard kAlpha1 > 0, kAlpha2 > kAlpha1, kAlpha1.isFinite, kAlpha2.isFinite else {
      throw InputError("Kα2 stripping needs 0 < λ(Kα1) < λ(Kα2), got \(kAlpha1) and \(kAlpha2) Å")
    }
    guard ratio >= 0, ratio < 1 else { throw InputError("the Kα2/Kα1 ratio must be in [0, 1), got \(ratio)") }
    for i in 1..<x.count where !(x[i] > x[i - 1]) {
      throw InputError("Kα2 stripping needs strictly ascending 2θ; point \(i) (\(x[i])°) does not rise above \(x[i - 1])°")
    }
    guard x[0] > 0, let last = x.last, last < 180 else { throw InputError("2θ must lie between 0 and 180°") }
    let q = kAlpha1 / kAlpha2
    var stripped = [Double](repeating: 0, count: y.count)
    var j = 0  // the last point at or below 2θ₁ (2θ₁ rises with 2θ, so j only moves up)
    for i in x.indices {
      let twoTheta1 = 2 * asin(q * sin(x[i] * Double.pi / 360)) * 180 / Double.pi
      var alpha1Below = 0.0
      if i > 0 && twoTheta1 >= x[0] {
        while j + 1 < i && x[j + 1] <= twoTheta1 { j += 1 }
        if j + 1 < i {
          let t = (twoTheta1 - x[j]) / (x[j + 1] - x[j])
          alpha1Below = stripped[j] + t * (stripped[j + 1] - stripped[j])
        } else {
          // 2θ₁ lies within the last step (a splitting below the step size): nearest known value.
          alpha1Below = stripped[j]
        }
      }
      stripped[i] = y[i] - ratio * alpha1Below
    }
    return stripped
  }
}
