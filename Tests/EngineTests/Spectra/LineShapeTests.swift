import Foundation
import Testing
@testable import Engine

/// Line shapes against independent values: SciPy 1.17.1's `scipy.special.wofz`, `voigt_profile`,
/// `stats.exponnorm` and `integrate.quad` (each number below was computed once with SciPy and
/// written here), and the analytic integrals.
@Suite struct LineShapeTests {
  /// (x, y, Re w, Im w) from `scipy.special.wofz(x + 1j*y)`, SciPy 1.17.1.
  static let wofz: [(Double, Double, Double, Double)] = [
    (0, 0, 1, 0),
    (0.1, 0.05, 0.93708996084635632, 0.10272118383181597),
    (1.0, 0.5, 0.35490033286757783, 0.34287171913110082),
    (3.0, 0.01, 0.0009088307067415815, 0.20114646254019664),
    (5.0, 2.0, 0.040643676333494666, 0.097987311156572651),
    (0.5, 3.0, 0.17510521262315801, 0.02663616844623088),
    (10.0, 0.001, 5.7287175028417518e-06, 0.056705393651106197),
    (25.0, 0.3, 0.00027142425525944155, 0.022582415961199861),
    (2.5, 1e-06, 0.0019305843721614724, 0.25172301495951344),
    (-1.7, 0.8, 0.17372494867689409, -0.26341777514238929),
    (0.0, 1.0, 0.427583576155807, 0),
    (6.0, 6.0, 0.047335271133396223, 0.046682744869732201),
    (1.2, 1e-08, 0.23692776113585431, 0.57239683967992783),
    (4.0, 0.2, 0.0078237355406594686, 0.14551335871372661),
    (0.3, 0.0, 0.91393118527122819, 0.3189156827715659),
    (100.0, 5.0, 0.0002814332873324522, 0.0056281042002520815),
    (1.5, 1.5, 0.20111511752685229, 0.1643485813502876),
  ]

  @Test func faddeevaMatchesSciPyToOneInAMillion() {
    for (x, y, re, im) in Self.wofz {
      let w = faddeeva(x: x, y: y)
      #expect(abs(w.re - re) <= 1e-6 * abs(re), "Re w(\(x) + \(y)i) = \(w.re), SciPy \(re)")
      #expect(abs(w.im - im) <= 1e-6 * abs(im) + 1e-300, "Im w(\(x) + \(y)i) = \(w.im), SciPy \(im)")
    }
  }

  @Test func voigtMatchesSciPyVoigtProfile() {
    // Gaussian FWHM 1.3, Lorentzian FWHM 0.7; SciPy: voigt_profile(dx, σ, γ)/voigt_profile(0, σ, γ).
    let reference: [(Double, Double)] = [
      (0.4, 0.8526881314849714), (1.1, 0.33760301177656776), (3.0, 0.02940965263310376),
      (-2.2, 0.061087884522577386),
    ]
    for (dx, v) in reference {
      let u = LineShape.voigt.unitProfile(dx, fwhm: 1.3, shape: [0.7])
      #expect(abs(u - v) <= 1e-6 * v)
    }
    let m = LineShape.voigt.metrics(amplitude: 2, center: 10, fwhm: 1.3, shape: [0.7])
    #expect(abs(m.area - 2 * 2.151477581062534) <= 1e-8 * m.area)  // 1/voigt_profile(0, σ, γ)
    #expect(abs(m.fwhm - 1.7141243750529254) <= 1e-8)  // brentq on voigt_profile
    #expect(abs(m.height - 2) <= 1e-12 && abs(m.position - 10) <= 1e-9)
  }

  @Test func symmetricAreasAreTheAnalyticIntegrals() {
    let w = 0.9
    let gaussian = w * (Double.pi / (4 * log(2.0))).squareRoot()
    let lorentzian = Double.pi * w / 2
    #expect(abs((LineShape.gaussian.unitArea(fwhm: w, shape: []) ?? 0) - gaussian) < 1e-15)
    #expect(abs((LineShape.lorentzian.unitArea(fwhm: w, shape: []) ?? 0) - lorentzian) < 1e-15)
    #expect(abs((LineShape.pseudoVoigt.unitArea(fwhm: w, shape: [0.3]) ?? 0) - (0.3 * lorentzian + 0.7 * gaussian)) < 1e-14)
    // Pearson VII with m = 1 is the Lorentzian.
    #expect(abs((LineShape.pearsonVII.unitArea(fwhm: w, shape: [1]) ?? 0) - lorentzian) < 1e-12)
    // GL product: p = 0 Gaussian, p = 100 Lorentzian (numerical quadrature against the analytic).
    #expect(abs((LineShape.glProduct.unitArea(fwhm: w, shape: [0]) ?? 0) - gaussian) < 1e-9)
    #expect(abs((LineShape.glProduct.unitArea(fwhm: w, shape: [100]) ?? 0) - lorentzian) < 1e-9)
    // Split pseudo-Voigt: half of each side's pseudo-Voigt.
    let left = 0.4 * Double.pi * 0.6 / 2 + 0.6 * 0.6 * (Double.pi / (4 * log(2.0))).squareRoot()
    let right = 0.4 * Double.pi * 1.2 / 2 + 0.6 * 1.2 * (Double.pi / (4 * log(2.0))).squareRoot()
    #expect(abs((LineShape.splitPseudoVoigt.unitArea(fwhm: 0.9, shape: [1.0 / 3.0, 0.4]) ?? 0) - (left + right) / 2) < 1e-12)
    // Asymmetric Lorentzian with α = β = 1 is the Lorentzian; α = β = 2: ∫(1+4t²)⁻² = πw/4.
    #expect(abs((LineShape.asymmetricLorentzian.unitArea(fwhm: w, shape: [1, 1]) ?? 0) - lorentzian) < 1e-12)
    #expect(abs((LineShape.asymmetricLorentzian.unitArea(fwhm: w, shape: [2, 2]) ?? 0) - Double.pi * w / 4) < 1e-12)
    #expect(LineShape.doniachSunjic.unitArea(fwhm: w, shape: [0.2]) == nil)
  }

  @Test func numericalAreasAndWidthsMatchSciPyQuadrature() {
    // scipy.integrate.quad of the GL(30) product with w = 1.2, and brentq for its half maximum.
    let gl = LineShape.glProduct.metrics(amplitude: 1, center: 0, fwhm: 1.2, shape: [30])
    #expect(abs(gl.area - 1.250384135678531) < 1e-9)
    #expect(abs(gl.fwhm - 1.1536285229195473) < 1e-9)
    // Pearson VII m = 2.5, w = 0.8: analytic Γ form against quad.
    #expect(abs((LineShape.pearsonVII.unitArea(fwhm: 0.8, shape: [2.5]) ?? 0) - 0.9435347946198132) < 1e-12)
    // Doniach–Šunjić α = 0.15, w = 1: area over [−5, 10], maximum and FWHM (quad, minimize_scalar, brentq).
    let ds = LineShape.doniachSunjic.metrics(amplitude: 1, center: 0, fwhm: 1, shape: [0.15], window: -5...10)
    #expect(abs(ds.area - 2.3312693774603024) < 1e-8)
    #expect(abs(ds.height - 1.0130582876138534) < 1e-10)
    #expect(abs(ds.position - 0.06402750444425678) < 1e-6)
    #expect(abs(ds.fwhm - 1.2294793166949762) < 1e-8)
    #expect(LineShape.doniachSunjic.metrics(amplitude: 1, center: 0, fwhm: 1, shape: [0.15]).area == .infinity)
  }

  @Test func exponentiallyModifiedGaussianMatchesSciPyExponnorm() {
    // exponnorm.pdf(dx, K = τ/σ, scale = σ), σ from FWHM 1, τ = 0.4.
    let reference: [(Double, Double)] = [
      (-1.0, 0.0169724430671341), (0.0, 0.6333495363015059), (0.3, 0.7494382159647919),
      (2.0, 0.029590891707687073), (8.0, 9.053118818458118e-09),
    ]
    for (dx, p) in reference {
      let u = LineShape.exponentiallyModifiedGaussian.unitProfile(dx, fwhm: 1, shape: [0.4])
      #expect(abs(u - p) <= 1e-9 * p)
    }
    let m = LineShape.exponentiallyModifiedGaussian.metrics(amplitude: 3, center: 0, fwhm: 1, shape: [0.4])
    #expect(abs(m.area - 3) < 1e-15)
    #expect(abs(m.height - 3 * 0.7497617156311734) < 1e-9)
    #expect(abs(m.position - 0.2852037355238699) < 1e-5)
    #expect(abs(m.fwhm - 1.2108037384350463) < 1e-8)
  }

  @Test func exactShapesHaveTheirWidthAtHalfMaximum() {
    for shape in LineShape.allCases where shape.isExactFWHMAndHeight {
      let s = shape.defaultShapeValues(fwhm: 1)
      #expect(abs(shape.unitProfile(0, fwhm: 1, shape: s) - 1) < 1e-15)
      if shape != .splitPseudoVoigt {
        #expect(abs(shape.unitProfile(0.5, fwhm: 1, shape: s) - 0.5) < 1e-14, "\(shape)")
        #expect(abs(shape.unitProfile(-0.5, fwhm: 1, shape: s) - 0.5) < 1e-14, "\(shape)")
      }
    }
    // Split pseudo-Voigt, asymmetry 0.2: half maximum at −0.4 and +0.6 for w = 1.
    #expect(abs(LineShape.splitPseudoVoigt.unitProfile(-0.4, fwhm: 1, shape: [0.2, 0.3]) - 0.5) < 1e-14)
    #expect(abs(LineShape.splitPseudoVoigt.unitProfile(0.6, fwhm: 1, shape: [0.2, 0.3]) - 0.5) < 1e-14)
    // Asymmetric Lorentzian: analytic FWHM (w/2)(√(2^(1/α) − 1) + √(2^(1/β) − 1)).
    let la = LineShape.asymmetricLorentzian.metrics(amplitude: 1, center: 0, fwhm: 1, shape: [1.5, 0.8])
    let expected = 0.5 * ((pow(2, 1 / 1.5) - 1).squareRoot() + (pow(2, 1 / 0.8) - 1).squareRoot())
    #expect(abs(la.fwhm - expected) < 1e-10)
  }

  @Test func fwhmParameterInvertsTheReportedWidth() {
    let w = LineShape.voigt.fwhmParameter(forFWHM: 1.7141243750529254, shape: [0.7])
    #expect(abs(w - 1.3) < 1e-8)
  }
}
