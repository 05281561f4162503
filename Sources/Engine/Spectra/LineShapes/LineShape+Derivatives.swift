import Foundation

/// A peak's value at one point and its partial derivatives with respect to the component's
/// parameters: centre, area, FWHM and the first shape parameter (zero when the shape has none).
struct LineShapePoint {
  var value: Double
  var dCenter: Double
  var dArea: Double
  var dFWHM: Double
  var dShape: Double
}

extension LineShape {
  /// Shapes whose area-normalised profile has analytic partial derivatives (`areaProfile`).
  static let analyticDerivativeShapes: Set<LineShape> = [.gaussian, .lorentzian, .pseudoVoigt, .glSum, .voigt]

  /// The peak f(x) = A·u(dx; w, s)/∫u of area A at dx = x − c, and, when `derivatives`, its exact
  /// partial derivatives ∂f/∂c, ∂f/∂A, ∂f/∂w, ∂f/∂s₀. Same values as `unitProfile`/`unitArea`
  /// (the fit's report uses those), written so each point costs one exponential or one Faddeeva
  /// evaluation. Only for `analyticDerivativeShapes`; other shapes return NaN (callers check).
  /// - Gaussian, t = dx/w, G = exp(−4 ln2 t²), f = A·G/(w·a_G), a_G = √(π/(4 ln2)):
  ///   ∂f/∂c = f·8 ln2·t/w, ∂f/∂w = f·(8 ln2·t² − 1)/w.
  /// - Lorentzian, L = 1/(1 + 4t²), f = A·L/(w·π/2): ∂f/∂c = h·8t L²/w, ∂f/∂w = h·8t² L²/w − f/w
  ///   with h = A/(w·π/2).
  /// - Pseudo-Voigt (η) and GL sum (η = p/100): u = ηL + (1 − η)G, ∫u = w·(η a_L + (1 − η) a_G);
  ///   ∂f/∂η = h(L − G) − f(a_L − a_G)/(η a_L + (1 − η) a_G) (÷100 for p).
  /// - Voigt (σ = w/(2√(2 ln2)), γ = lorentzianFWHM/2): f = A·Re w(z)/(σ√(2π)),
  ///   z = (dx + iγ)/(σ√2); with w′(z) = −2z·w(z) + 2i/√π:
  ///   ∂f/∂c = −N·Re w′/(σ√2), ∂f/∂γ = −N·Im w′/(σ√2), ∂f/∂σ = −f/σ − N·Re(w′z)/σ, N = A/(σ√(2π));
  ///   γ ≤ 0 is the Gaussian limit (Re w(x) = e^(−x²)), as `unitProfile` has it.
  @inline(__always)
  func areaProfile(_ dx: Double, area a: Double, fwhm w: Double, shape s0: Double, derivatives: Bool) -> LineShapePoint {
    let eightLn2 = 8 * M_LN2
    let gaussianArea = 1.0644670194312262  // √(π/(4 ln2))
    let lorentzianArea = Double.pi / 2
    let t = dx / w
    switch self {
    case .gaussian:
      let g = Foundation.exp(-0.5 * eightLn2 * t * t)
      let f = a * g / (w * gaussianArea)
      guard derivatives else { return LineShapePoint(value: f, dCenter: 0, dArea: 0, dFWHM: 0, dShape: 0) }
      return LineShapePoint(value: f, dCenter: f * eightLn2 * t / w, dArea: g / (w * gaussianArea),
                            dFWHM: f * (eightLn2 * t * t - 1) / w, dShape: 0)
    case .lorentzian:
      let l = 1 / (1 + 4 * t * t)
      let h = a / (w * lorentzianArea)
      let f = h * l
      guard derivatives else { return LineShapePoint(value: f, dCenter: 0, dArea: 0, dFWHM: 0, dShape: 0) }
      return LineShapePoint(value: f, dCenter: h * 8 * t * l * l / w, dArea: l / (w * lorentzianArea),
                            dFWHM: h * 8 * t * t * l * l / w - f / w, dShape: 0)
    case .pseudoVoigt, .glSum:
      let shapeScale = self == .glSum ? 0.01 : 1
      let eta = s0 * shapeScale
      let g = Foundation.exp(-0.5 * eightLn2 * t * t)
      let l = 1 / (1 + 4 * t * t)
      let mixArea = eta * lorentzianArea + (1 - eta) * gaussianArea
      let h = a / (w * mixArea)
      let u = eta * l + (1 - eta) * g
      let f = h * u
      guard derivatives else { return LineShapePoint(value: f, dCenter: 0, dArea: 0, dFWHM: 0, dShape: 0) }
      let du = eta * 8 * t * l * l + (1 - eta) * g * eightLn2 * t
      return LineShapePoint(
        value: f, dCenter: h * du / w, dArea: u / (w * mixArea), dFWHM: h * du * t / w - f / w,
        dShape: shapeScale * (h * (l - g) - f * (lorentzianArea - gaussianArea) / mixArea))
    case .voigt:
      let (zr, zi) = LineShape.voigtArgument(dx, fwhm: w, lorentzianFWHM: s0)
      return LineShape.voigtProfile(faddeeva(x: zr, y: zi), dx, area: a, fwhm: w, lorentzianFWHM: s0, derivatives: derivatives)
    default:
      return LineShapePoint(value: .nan, dCenter: .nan, dArea: .nan, dFWHM: .nan, dShape: .nan)
    }
  }

  /// z = (dx + iγ)/(σ√2) of the Voigt (σ = w/(2√(2 ln2)), γ = max(lorentzianFWHM/2, 0)).
  @inline(__always)
  static func voigtArgument(_ dx: Double, fwhm w: Double, lorentzianFWHM s0: Double) -> (Double, Double) {
    let width = w / (2 * (2 * M_LN2).squareRoot()) * 2.0.squareRoot()
    return (dx / width, max(s0 / 2, 0) / width)
  }

  /// The Voigt of `areaProfile` given w(z) at z = `voigtArgument` (so a caller holding w(z) from
  /// an earlier evaluation at the same parameters need not compute it again).
  @inline(__always)
  static func voigtProfile(_ fw: (re: Double, im: Double), _ dx: Double, area a: Double, fwhm w: Double,
                           lorentzianFWHM s0: Double, derivatives: Bool) -> LineShapePoint {
    let sigma = w / (2 * (2 * M_LN2).squareRoot())
    let width = sigma * 2.0.squareRoot()
    let zr = dx / width, zi = max(s0 / 2, 0) / width
    let norm = a / (sigma * (2 * Double.pi).squareRoot())
    let f = norm * fw.re
    guard derivatives else { return LineShapePoint(value: f, dCenter: 0, dArea: 0, dFWHM: 0, dShape: 0) }
    let twoOverSqrtPi = 1.1283791670955126
    let dr = -2 * (zr * fw.re - zi * fw.im)
    let di = -2 * (zr * fw.im + zi * fw.re) + twoOverSqrtPi
    let dSigma = -f / sigma - norm * (dr * zr - di * zi) / sigma
    return LineShapePoint(
      value: f, dCenter: -norm * dr / width, dArea: fw.re / (sigma * (2 * Double.pi).squareRoot()),
      dFWHM: dSigma / (2 * (2 * M_LN2).squareRoot()), dShape: -0.5 * norm * di / width)
  }
}
