import Foundation

/// A peak's functional form. Every shape is written as f(x) = a·u(x − c; w, s…) with c the centre
/// parameter, w the full width at half maximum parameter (FWHM, never Fityk's HWHM: Fityk's
/// Gaussian, Lorentzian, PseudoVoigt and Pearson7 take `hwhm` = w/2) and s the shape parameters
/// listed in `shapeParameterNames`. The unit profile u has u(0) = 1 for the symmetric shapes, so
/// a is the height; `unitArea` gives ∫u dx, so a peak given by its area A has a = A/∫u.
/// Height, area and FWHM are reported for every shape by `LineShapeMetrics` (analytic where the
/// shape allows, numerical otherwise).
public enum LineShape: String, CaseIterable, Sendable, Codable, Equatable {
  /// exp(−4 ln2·t²), t = (x − c)/w.
  case gaussian
  /// 1/(1 + 4t²).
  case lorentzian
  /// η·L + (1 − η)·G with one FWHM (shape parameter `eta`, the Lorentzian fraction 0…1).
  case pseudoVoigt
  /// Gaussian ⊗ Lorentzian, exactly, through the Faddeeva function: V(x) = Re w(z)/Re w(iγ/(σ√2)),
  /// z = (x − c + iγ)/(σ√2), with `fwhm` the Gaussian FWHM (σ = w/(2√(2 ln2))) and shape parameter
  /// `lorentzianFWHM` = 2γ. The Voigt's own FWHM is reported (numerically, exact to 1e-9).
  case voigt
  /// [1 + 4(2^(1/m) − 1)t²]^(−m), shape parameter `m` > ½ (m = 1 Lorentzian, m → ∞ Gaussian).
  case pearsonVII
  /// Pseudo-Voigt with different widths either side: w_left = w(1 − s), w_right = w(1 + s),
  /// shape parameters `asymmetry` s ∈ (−1, 1) and `eta`; its FWHM is exactly w.
  case splitPseudoVoigt
  /// CasaXPS GL(p), the product form: exp(−4 ln2 (1 − m) t²)/(1 + 4 m t²), m = p/100, shape
  /// parameter `p` 0…100 (0 Gaussian, 100 Lorentzian). Its FWHM is w only at p = 0 and 100.
  case glProduct
  /// CasaXPS SGL(p), the sum form: (1 − m)·G + m·L with one FWHM, m = p/100 (a pseudo-Voigt with
  /// η = m, written the way CasaXPS users quote it).
  case glSum
  /// Doniach–Šunjić (J. Phys. C 3 (1970) 285), the metallic line with singularity index α:
  /// u = cos(πα/2 − (1 − α) arctan(t′))/(cos(πα/2)(1 + t′²)^((1−α)/2)), t′ = 2(x − c)/w,
  /// tail towards +x (higher binding energy; lmfit's `doniach` has it towards −x). Shape parameter
  /// `alpha` ∈ [0, 1); w is the FWHM of the α = 0 Lorentzian. For α > 0 the area diverges, so the
  /// area is reported over the fit window.
  case doniachSunjic
  /// CasaXPS LA(α, β) without the Gaussian convolution: L(x)^α for x ≤ c and L(x)^β for x > c,
  /// L = 1/(1 + 4t²); shape parameters `alpha`, `beta` > ½ (β < α gives a tail to +x).
  case asymmetricLorentzian
  /// Exponentially modified Gaussian (Grushka, Anal. Chem. 44 (1972) 1733): a Gaussian of FWHM w
  /// convolved with e^(−x/τ)/τ (x ≥ 0), shape parameter `tau` > 0 (tail to +x). Unit area;
  /// height and FWHM are reported numerically.
  case exponentiallyModifiedGaussian

  /// Shape parameters beyond centre, amplitude and FWHM, in the order `shapeValues` uses.
  public var shapeParameterNames: [String] {
    switch self {
    case .gaussian, .lorentzian: return []
    case .pseudoVoigt: return ["eta"]
    case .voigt: return ["lorentzianFWHM"]
    case .pearsonVII: return ["m"]
    case .splitPseudoVoigt: return ["asymmetry", "eta"]
    case .glProduct, .glSum: return ["p"]
    case .doniachSunjic: return ["alpha"]
    case .asymmetricLorentzian: return ["alpha", "beta"]
    case .exponentiallyModifiedGaussian: return ["tau"]
    }
  }

  /// Bounds that keep each shape parameter meaningful (the fit keeps them inside).
  public func shapeParameterBounds(fwhm: Double) -> [ClosedRange<Double>] {
    switch self {
    case .gaussian, .lorentzian: return []
    case .pseudoVoigt: return [0...1]
    case .voigt: return [0...(1e3 * max(fwhm, 1e-12))]
    case .pearsonVII: return [0.501...1e3]
    case .splitPseudoVoigt: return [-0.99...0.99, 0...1]
    case .glProduct, .glSum: return [0...100]
    case .doniachSunjic: return [0...0.99]
    case .asymmetricLorentzian: return [0.501...50, 0.501...50]
    case .exponentiallyModifiedGaussian: return [(1e-6 * max(fwhm, 1e-12))...(1e3 * max(fwhm, 1e-12))]
    }
  }

  /// Starting values for the shape parameters of a peak whose FWHM is about `fwhm`: a start, not
  /// an answer — the fit frees them unless the model fixes them.
  public func defaultShapeValues(fwhm: Double) -> [Double] {
    switch self {
    case .gaussian, .lorentzian: return []
    case .pseudoVoigt: return [0.5]
    case .voigt: return [0.3 * fwhm]
    case .pearsonVII: return [2]
    case .splitPseudoVoigt: return [0, 0.5]
    case .glProduct, .glSum: return [30]
    case .doniachSunjic: return [0.1]
    case .asymmetricLorentzian: return [1, 1]
    case .exponentiallyModifiedGaussian: return [0.5 * fwhm]
    }
  }

  /// True when the FWHM parameter is the profile's FWHM exactly and its maximum is u(0) = 1.
  public var isExactFWHMAndHeight: Bool {
    switch self {
    case .gaussian, .lorentzian, .pseudoVoigt, .pearsonVII, .splitPseudoVoigt, .glSum: return true
    case .voigt, .glProduct, .doniachSunjic, .asymmetricLorentzian, .exponentiallyModifiedGaussian:
      return false
    }
  }

  /// True when u(−dx) = u(dx), so the maximum is u(0) at the centre.
  public var isSymmetric: Bool {
    switch self {
    case .gaussian, .lorentzian, .pseudoVoigt, .voigt, .pearsonVII, .glProduct, .glSum: return true
    case .splitPseudoVoigt, .doniachSunjic, .asymmetricLorentzian, .exponentiallyModifiedGaussian: return false
    }
  }

  /// The unit profile u(dx) (see each case), dx = x − centre, w > 0.
  public func unitProfile(_ dx: Double, fwhm w: Double, shape s: [Double]) -> Double {
    let fourLn2 = 4 * M_LN2
    switch self {
    case .gaussian:
      let t = dx / w
      return Foundation.exp(-fourLn2 * t * t)
    case .lorentzian:
      let t = dx / w
      return 1 / (1 + 4 * t * t)
    case .pseudoVoigt, .glSum:
      let eta = self == .glSum ? s[0] / 100 : s[0]
      let t = dx / w
      return eta / (1 + 4 * t * t) + (1 - eta) * Foundation.exp(-fourLn2 * t * t)
    case .voigt:
      let sigma = w / (2 * (2 * M_LN2).squareRoot())
      let gamma = s[0] / 2
      if gamma <= 0 { return LineShape.gaussian.unitProfile(dx, fwhm: w, shape: []) }
      let scale = 1 / (sigma * 2.0.squareRoot())
      let peak = faddeeva(x: 0, y: gamma * scale).re
      return faddeeva(x: dx * scale, y: gamma * scale).re / peak
    case .pearsonVII:
      let t = dx / w
      let m = s[0]
      return Foundation.pow(1 + 4 * (Foundation.pow(2, 1 / m) - 1) * t * t, -m)
    case .splitPseudoVoigt:
      let side = dx < 0 ? w * (1 - s[0]) : w * (1 + s[0])
      return LineShape.pseudoVoigt.unitProfile(dx, fwhm: side, shape: [s[1]])
    case .glProduct:
      let m = s[0] / 100
      let t = dx / w
      return Foundation.exp(-fourLn2 * (1 - m) * t * t) / (1 + 4 * m * t * t)
    case .doniachSunjic:
      let alpha = s[0]
      let t = 2 * dx / w
      let phase = Double.pi * alpha / 2
      return Foundation.cos(phase - (1 - alpha) * Foundation.atan(t))
        / (Foundation.cos(phase) * Foundation.pow(1 + t * t, (1 - alpha) / 2))
    case .asymmetricLorentzian:
      let t = dx / w
      let l = 1 / (1 + 4 * t * t)
      return Foundation.pow(l, dx <= 0 ? s[0] : s[1])
    case .exponentiallyModifiedGaussian:
      return LineShape.emgDensity(dx, sigma: w / (2 * (2 * M_LN2).squareRoot()), tau: s[0])
    }
  }

  /// EMG density (unit area): (1/2τ)·exp(σ²/2τ² − x/τ)·erfc((σ/τ − x/σ)/√2), evaluated as
  /// (1/2τ)·exp(−x²/2σ²)·erfcx(q), q = (σ/τ − x/σ)/√2, so neither factor overflows.
  static func emgDensity(_ x: Double, sigma: Double, tau: Double) -> Double {
    let q = (sigma / tau - x / sigma) / 2.0.squareRoot()
    if q < 0 {
      // erfc(q) ≈ 2 here; the exponent σ²/2τ² − x/τ is then ≤ 0 and safe.
      return Foundation.exp(sigma * sigma / (2 * tau * tau) - x / tau) * Foundation.erfc(q) / (2 * tau)
    }
    return Foundation.exp(-x * x / (2 * sigma * sigma)) * scaledComplementaryErrorFunction(q) / (2 * tau)
  }
}
