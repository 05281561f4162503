import Foundation

/// Plane-strain small-strain elasticity with a phase-dependent isotropic stiffness and an
/// in-plane dilatational eigenstrain, on a periodic nx × ny cell (spacing hx, hy):
/// ∇·σ = 0, σ = C(x):(ε − ε⁰), C = λ(x) tr(·)I + 2μ(x)(·), ε⁰ = e⁰(x)·I₂ (paper.md eq. 4 with
/// e⁰ = λ_V·h(ξ)), mean strain E = 0 (the cell is held at its size). Units: Pa, strain 1.
/// Method: FFT-based Lippmann–Schwinger solved by conjugate gradients (Zeman et al., J. Comput.
/// Phys. 229 (2010) 8065): with the isotropic reference C⁰ = identity (μ⁰ = ½, λ⁰ = 0) the Green
/// operator Γ⁰ is the orthogonal projection G onto compatible zero-mean strain fields,
/// (Gτ)^(k) = n(τ̂n) + (τ̂n)n − n(n·τ̂n)n, n = k/|k|, and G[C:ε̃] = G[C:ε⁰] is symmetric positive
/// definite on that space (here with Willot's rotated discrete wavevectors), so CG converges in O(√(C_max/C_min)) iterations independent of the
/// grid. Fields hold the tensor components (xx, yy, xy) per node; the inner product counts xy
/// twice. Nyquist modes are left out of G (see `project`).
public final class MechanicsSolver {
  public let transform: SpectralTransform2D
  public var tolerance: Double
  public var maxIterations: Int
  private let nx: Int
  private let ny: Int
  private let kx: [Double]
  private let ky: [Double]
  private let hx: Double
  private let hy: Double

  public struct Result: Sendable {
    /// Total strain and stress components (xx, yy, xy), and σ_zz (plane strain), per node.
    public var strain: [[Double]]
    public var stress: [[Double]]
    public var stressZZ: [Double]
    public var iterations: Int
    public var relativeResidual: Double
  }

  public init(nx: Int, ny: Int, lengthX: Double, lengthY: Double, tolerance: Double = 1e-8,
              maxIterations: Int = 500) {
    self.nx = nx
    self.ny = ny
    self.tolerance = tolerance
    self.maxIterations = maxIterations
    transform = SpectralTransform2D(nx: nx, ny: ny, lengthX: lengthX, lengthY: lengthY, boundary: .periodic)
    (kx, ky) = transform.wavenumbers()
    hx = transform.spacingX
    hy = transform.spacingY
  }

  /// Applies the projection G to a symmetric tensor field (3 components) in place.
  func project(_ field: inout [[Double]]) {
    var hats = [[Double]](repeating: [], count: 3)
    for c in 0..<3 { transform.forward(field[c], into: &hats[c]) }
    let columns = nx / 2 + 1
    for j in 0..<ny {
      for i in 0..<columns {
        let base = 2 * (j * columns + i)
        // Willot's rotated finite-difference wavevector (C. R. Mécanique 343 (2015) 232):
        // k̃ = (2/h)(sin(kx·hx/2)cos(ky·hy/2), cos(kx·hx/2)sin(ky·hy/2)), the common phase factor
        // dropped (it cancels in G). It removes the Gibbs ringing of the continuous Green operator
        // at stiffness jumps and converges much faster in resolution at high contrast.
        let ax = kx[i] * hx / 2, ay = ky[j] * hy / 2
        let wx = 2 / hx * sin(ax) * cos(ay), wy = 2 / hy * cos(ax) * sin(ay)
        let k2 = wx * wx + wy * wy
        // The zero mode is the mean (E = 0); Nyquist modes are dropped because n(k) there is not
        // the mirror of n(−k), which would make G non-symmetric on real fields.
        let nyquist = (nx % 2 == 0 && i == nx / 2) || (ny % 2 == 0 && j == ny / 2)
        if k2 == 0 || nyquist {
          for c in 0..<3 { hats[c][base] = 0; hats[c][base + 1] = 0 }
          continue
        }
        let norm = k2.squareRoot()
        let n1 = wx / norm, n2 = wy / norm
        for part in 0..<2 {
          let txx = hats[0][base + part], tyy = hats[1][base + part], txy = hats[2][base + part]
          let a1 = txx * n1 + txy * n2, a2 = txy * n1 + tyy * n2  // τn
          let nan = n1 * a1 + n2 * a2  // n·τ·n
          hats[0][base + part] = 2 * n1 * a1 - n1 * n1 * nan
          hats[1][base + part] = 2 * n2 * a2 - n2 * n2 * nan
          hats[2][base + part] = n1 * a2 + n2 * a1 - n1 * n2 * nan
        }
      }
    }
    for c in 0..<3 { transform.inverse(hats[c], into: &field[c]) }
  }

  static func stress(_ e: [[Double]], lame: [Double], shear: [Double]) -> [[Double]] {
    var s = [[Double]](repeating: [Double](repeating: 0, count: e[0].count), count: 3)
    for k in 0..<e[0].count {
      let trace = e[0][k] + e[1][k]
      s[0][k] = lame[k] * trace + 2 * shear[k] * e[0][k]
      s[1][k] = lame[k] * trace + 2 * shear[k] * e[1][k]
      s[2][k] = 2 * shear[k] * e[2][k]
    }
    return s
  }

  static func inner(_ a: [[Double]], _ b: [[Double]]) -> Double {
    dot(a[0], b[0]) + dot(a[1], b[1]) + 2 * dot(a[2], b[2])
  }

  /// Solves for the strain with Lamé fields λ(x), μ(x) (Pa) and eigenstrain e⁰(x), warm-started
  /// from `initialFluctuation` (a previous total strain; E = 0 so strain = fluctuation).
  public func solve(lame: [Double], shear: [Double], eigenstrain: [Double],
                    initialStrain: [[Double]]? = nil) -> Result {
    let n = nx * ny
    precondition(lame.count == n && shear.count == n && eigenstrain.count == n)
    var eps = initialStrain ?? [[Double]](repeating: [Double](repeating: 0, count: n), count: 3)
    // b = G[C:ε⁰]; r = b − G[C:ε]
    var polarization = [[Double]](repeating: [Double](repeating: 0, count: n), count: 3)
    for k in 0..<n {
      let s = 2 * (lame[k] + shear[k]) * eigenstrain[k]  // C:(e⁰ I₂) in-plane
      polarization[0][k] = s
      polarization[1][k] = s
    }
    project(&polarization)
    let b = polarization
    var ce = Self.stress(eps, lame: lame, shear: shear)
    project(&ce)
    var r = (0..<3).map { c in zip(b[c], ce[c]).map { $0 - $1 } }
    let bNorm = max(Self.inner(b, b).squareRoot(), .leastNormalMagnitude)
    var rr = Self.inner(r, r)
    var iterations = 0
    var p = r
    while rr.squareRoot() / bNorm > tolerance && iterations < maxIterations {
      var ap = Self.stress(p, lame: lame, shear: shear)
      project(&ap)
      let alpha = rr / Self.inner(p, ap)
      for c in 0..<3 {
        for k in 0..<n {
          eps[c][k] += alpha * p[c][k]
          r[c][k] -= alpha * ap[c][k]
        }
      }
      let rrNew = Self.inner(r, r)
      let beta = rrNew / rr
      rr = rrNew
      for c in 0..<3 { for k in 0..<n { p[c][k] = r[c][k] + beta * p[c][k] } }
      iterations += 1
    }
    // Stress σ = C:(ε − ε⁰), σ_zz = λ tr(ε − ε⁰) (ε_zz = ε⁰_zz = 0).
    var elastic = eps
    for k in 0..<n {
      elastic[0][k] -= eigenstrain[k]
      elastic[1][k] -= eigenstrain[k]
    }
    let sigma = Self.stress(elastic, lame: lame, shear: shear)
    let zz = (0..<n).map { lame[$0] * (elastic[0][$0] + elastic[1][$0]) }
    return Result(strain: eps, stress: sigma, stressZZ: zz, iterations: iterations,
                  relativeResidual: rr.squareRoot() / bNorm)
  }

  /// von Mises stress of plane-strain stress states.
  public static func vonMises(_ result: Result) -> [Double] {
    (0..<result.stressZZ.count).map { k in
      let sx = result.stress[0][k], sy = result.stress[1][k], sz = result.stressZZ[k], t = result.stress[2][k]
      return (0.5 * ((sx - sy) * (sx - sy) + (sy - sz) * (sy - sz) + (sz - sx) * (sz - sx)) + 3 * t * t).squareRoot()
    }
  }

  /// Lamé constants (λ, μ) from Young's modulus and Poisson's ratio.
  public static func lame(young: Double, poisson: Double) -> (lambda: Double, mu: Double) {
    (young * poisson / ((1 + poisson) * (1 - 2 * poisson)), young / (2 * (1 + poisson)))
  }
}
