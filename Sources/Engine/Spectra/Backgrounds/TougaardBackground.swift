import Formats
import Foundation

/// Tougaard's inelastic background with a universal cross-section, in the four-parameter form
/// R. Hesse uses (lmfitxps' "4-PIESCS"):
///   K(T) = B·T/((C + C′T²)² + D·T²),  T the energy lost (eV),
/// - U2, the two-parameter universal form (S. Tougaard, Surf. Interface Anal. 11 (1988) 453;
///   Solid State Commun. 61 (1987) 547): C = 1643 eV², C′ = 1, D = 0 (B ≈ 2866 eV² for most metals);
/// - U3, the three-parameter form (S. Tougaard, Surf. Interface Anal. 25 (1997) 137):
///   K = B·T/((C − T²)² + D·T²), i.e. C′ = −1, with (C, D) per material class — polymers
///   C = 551 eV², D = 436 eV².
/// The background at binding energy E collects the electrons emitted at lower binding energy:
///   Bg(E) = y_low + ∫_{E_low}^{E} K(E − E′)(y(E′) − y_low) dE′,
/// y_low the intensity at the low-BE end (high kinetic energy), trapezoidal in E′ (on an even grid
/// this equals lmfitxps' rectangle sum, as both end terms vanish). With `fitB` the scale B is
/// chosen so the background meets the data at the high-BE end (Tougaard's criterion); otherwise
/// the given B is used. `rising` says which end is high binding energy.
public struct TougaardCrossSection: Sendable, Equatable, Codable {
  public var b: Double
  public var c: Double
  public var cPrime: Double
  public var d: Double
  public init(b: Double, c: Double, cPrime: Double, d: Double) {
    self.b = b; self.c = c; self.cPrime = cPrime; self.d = d
  }
  public static let universal2 = TougaardCrossSection(b: 2866, c: 1643, cPrime: 1, d: 0)
  public static let polymer3 = TougaardCrossSection(b: 2866, c: 551, cPrime: -1, d: 436)

  /// K(T)/B, eV⁻².
  func shape(_ t: Double) -> Double {
    let a = c + cPrime * t * t
    return t / (a * a + d * t * t)
  }
}

public enum TougaardBackground {
  public static func compute(x: [Double], y: [Double], crossSection: TougaardCrossSection = .universal2,
                             fitB: Bool = true, rising: BackgroundStep = .towardHigherX) throws
    -> (background: [Double], b: Double) {
    let n = x.count
    guard n >= 3, y.count == n else { throw InputError("Tougaard: need ≥ 3 points with x and y of equal length") }
    let order = x.indices.sorted { x[$0] < x[$1] }
    var xs = order.map { x[$0] }, ys = order.map { y[$0] }
    if rising == .towardLowerX { xs.reverse(); ys.reverse() }
    let base = ys[0]
    var shape = [Double](repeating: 0, count: n)
    for i in 1..<n {
      var sum = 0.0
      for j in 1...i {
        let t0 = abs(xs[i] - xs[j - 1]), t1 = abs(xs[i] - xs[j])
        let f0 = crossSection.shape(t0) * (ys[j - 1] - base)
        let f1 = crossSection.shape(t1) * (ys[j] - base)
        sum += abs(xs[j] - xs[j - 1]) * (f0 + f1) / 2
      }
      shape[i] = sum
    }
    var b = crossSection.b
    if fitB {
      guard shape[n - 1] != 0, shape[n - 1].isFinite else {
        throw InputError("Tougaard: the loss integral vanishes at the high-BE end; B cannot be fitted")
      }
      b = (ys[n - 1] - base) / shape[n - 1]
    }
    var bg = shape.map { base + b * $0 }
    if rising == .towardLowerX { bg.reverse() }
    var out = [Double](repeating: 0, count: n)
    for (k, i) in order.enumerated() { out[i] = bg[k] }
    return (out, b)
  }
}
