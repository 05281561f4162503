import Foundation

extension LineShape {
  /// ∫u(dx) d(dx) over the real line, analytic except for CasaXPS's GL product (numerical, relative
  /// error < 1e-9); nil when the integral diverges (Doniach–Šunjić with α > 0, asymmetric
  /// Lorentzian exponents ≤ ½).
  /// Gaussian w√(π/(4 ln2)); Lorentzian πw/2; Pearson VII w√π Γ(m − ½)/(Γ(m)√(4(2^(1/m) − 1)));
  /// Voigt σ√(2π)/Re w(iγ/(σ√2)); EMG 1.
  public func unitArea(fwhm w: Double, shape s: [Double]) -> Double? {
    let gaussianArea = w * (Double.pi / (4 * M_LN2)).squareRoot()
    let lorentzianArea = Double.pi * w / 2
    switch self {
    case .gaussian: return gaussianArea
    case .lorentzian: return lorentzianArea
    case .pseudoVoigt: return s[0] * lorentzianArea + (1 - s[0]) * gaussianArea
    case .glSum:
      let m = s[0] / 100
      return m * lorentzianArea + (1 - m) * gaussianArea
    case .voigt:
      let sigma = w / (2 * (2 * M_LN2).squareRoot())
      let gamma = s[0] / 2
      if gamma <= 0 { return gaussianArea }
      return sigma * (2 * Double.pi).squareRoot() / faddeeva(x: 0, y: gamma / (sigma * 2.0.squareRoot())).re
    case .pearsonVII:
      let m = s[0]
      guard m > 0.5 else { return nil }
      let k = 4 * (Foundation.pow(2, 1 / m) - 1)
      return w * Double.pi.squareRoot() * Foundation.exp(Foundation.lgamma(m - 0.5) - Foundation.lgamma(m)) / k.squareRoot()
    case .splitPseudoVoigt:
      let left = LineShape.pseudoVoigt.unitArea(fwhm: w * (1 - s[0]), shape: [s[1]]) ?? .nan
      let right = LineShape.pseudoVoigt.unitArea(fwhm: w * (1 + s[0]), shape: [s[1]]) ?? .nan
      return (left + right) / 2
    case .glProduct:
      return numericalArea(fwhm: w, shape: s)
    case .doniachSunjic:
      return s[0] == 0 ? lorentzianArea : nil
    case .asymmetricLorentzian:
      guard s[0] > 0.5, s[1] > 0.5 else { return nil }
      func half(_ a: Double) -> Double {
        w * Double.pi.squareRoot() * Foundation.exp(Foundation.lgamma(a - 0.5) - Foundation.lgamma(a)) / 4
      }
      return half(s[0]) + half(s[1])
    case .exponentiallyModifiedGaussian:
      return 1
    }
  }

  /// ∫u over the whole line by the substitution dx = w·tan θ (so Lorentzian-like tails become a
  /// bounded integrand) and adaptive Simpson quadrature on (−π/2, π/2).
  func numericalArea(fwhm w: Double, shape s: [Double]) -> Double {
    let f: (Double) -> Double = { theta in
      let c = Foundation.cos(theta)
      if c <= 0 { return 0 }
      return self.unitProfile(w * Foundation.tan(theta), fwhm: w, shape: s) * w / (c * c)
    }
    let edge = Double.pi / 2
    return Quadrature.adaptiveSimpson(f, -edge, edge, tolerance: 1e-12 * w)
  }

  /// ∫u over [lo, hi] (offsets from the centre), numerically.
  public func windowArea(fwhm w: Double, shape s: [Double], from lo: Double, to hi: Double) -> Double {
    Quadrature.adaptiveSimpson({ self.unitProfile($0, fwhm: w, shape: s) }, lo, hi, tolerance: 1e-12 * w)
  }
}

/// Adaptive Simpson quadrature (Lyness 1969) with Richardson's correction; depth-limited so a
/// singular integrand returns the best estimate instead of recursing forever.
enum Quadrature {
  static func adaptiveSimpson(_ f: (Double) -> Double, _ a: Double, _ b: Double, tolerance: Double) -> Double {
    // A first split into 16 panels keeps narrow features from hiding between the first nodes.
    let panels = 16
    let h = (b - a) / Double(panels)
    var total = 0.0
    for k in 0..<panels {
      let lo = a + Double(k) * h, hi = lo + h
      let fa = f(lo), fb = f(hi), fm = f((lo + hi) / 2)
      let whole = (hi - lo) / 6 * (fa + 4 * fm + fb)
      total += refine(f, lo, hi, fa, fm, fb, whole, tolerance / Double(panels), depth: 40)
    }
    return total
  }

  private static func refine(_ f: (Double) -> Double, _ a: Double, _ b: Double, _ fa: Double,
                             _ fm: Double, _ fb: Double, _ whole: Double, _ tolerance: Double,
                             depth: Int) -> Double {
    let m = (a + b) / 2
    let lm = (a + m) / 2, rm = (m + b) / 2
    let flm = f(lm), frm = f(rm)
    let left = (m - a) / 6 * (fa + 4 * flm + fm)
    let right = (b - m) / 6 * (fm + 4 * frm + fb)
    let delta = left + right - whole
    if depth <= 0 || abs(delta) <= 15 * tolerance { return left + right + delta / 15 }
    return refine(f, a, m, fa, flm, fm, left, tolerance / 2, depth: depth - 1)
      + refine(f, m, b, fm, frm, fb, right, tolerance / 2, depth: depth - 1)
  }
}
