import Foundation

/// Plane-strain small-strain elasticity with a phase-dependent isotropic stiffness and an
/// in-plane dilatational eigenstrain, on a periodic nx × ny cell (spacing hx, hy):
/// ∇·σ = 0, σ = C(x):(ε − ε⁰), C = λ(x) tr(·)I + 2μ(x)(·), ε⁰ = e⁰(x)·I₂ (paper.md eq. 4 with
/// e⁰ = λ_V·h(ξ)), mean strain E = 0 (the cell is held at its size). Units: Pa, strain 1.
/// Method: FFT-based Lippmann–Schwinger solved by conjugate gradients (Zeman et al., J. Comput.
/// Phys. 229 (2010) 8065): with the isotropic reference C⁰ = identity (μ⁰ = ½, λ⁰ = 0) the Green
/// operator Γ⁰ is the orthogonal projection G onto compatible zero-mean strain fields,
/// (Gτ)^(k) = n(τ̂n) + (τ̂n)n − n(n·τ̂n)n, n = k/|k|, and G[C:ε̃] = G[C:ε⁰] is symmetric positive
/// definite on that space, so CG converges in O(√(C_max/C_min)) iterations independent of the
/// grid. n is Willot's rotated discrete wavevector (`makeDirections`). Fields hold the tensor
/// components (xx, yy, xy) per node; the inner product counts xy twice.
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
  /// Unit discrete wavevector (n1, n2) per spectral entry; (0, 0) where G is zero.
  private var directions: [(Double, Double)] = []

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
    directions = makeDirections()
  }

  /// Willot's rotated finite-difference wavevector (C. R. Mécanique 343 (2015) 232):
  /// k̃ = (2/h)(sin(kx·hx/2)cos(ky·hy/2), cos(kx·hx/2)sin(ky·hy/2)), the common phase factor
  /// dropped (it cancels in G). It removes the Gibbs ringing of the continuous Green operator at
  /// stiffness jumps. The zero mode is the mean (E = 0); Nyquist modes are dropped because n(k)
  /// there is not the mirror of n(−k), which would make G non-symmetric on real fields.
  private func makeDirections() -> [(Double, Double)] {
    let columns = nx / 2 + 1
    var out = [(Double, Double)](repeating: (0, 0), count: ny * columns)
    for j in 0..<ny {
      for i in 0..<columns {
        let nyquist = (nx % 2 == 0 && i == nx / 2) || (ny % 2 == 0 && j == ny / 2)
        let ax = kx[i] * hx / 2, ay = ky[j] * hy / 2
        let wx = 2 / hx * sin(ax) * cos(ay), wy = 2 / hy * cos(ax) * sin(ay)
        let norm = (wx * wx + wy * wy).squareRoot()
        if norm == 0 || nyquist { continue }
        out[j * columns + i] = (wx / norm, wy / norm)
      }
    }
    return out
  }

  /// Applies the projection G to a symmetric tensor field (3 components) in place.
  func project(_ field: inout [[Double]]) {
    var hxx = [Double](), hyy = [Double](), hxy = [Double]()
    transform.forward(field[0], into: &hxx)
    transform.forward(field[1], into: &hyy)
    transform.forward(field[2], into: &hxy)
    directions.withUnsafeBufferPointer { directions in
      hxx.withUnsafeMutableBufferPointer { xx in
        hyy.withUnsafeMutableBufferPointer { yy in
          hxy.withUnsafeMutableBufferPointer { xy in
            for entry in 0..<directions.count {
              let (n1, n2) = directions[entry]
              for index in (2 * entry)...(2 * entry + 1) {
                let txx = xx[index], tyy = yy[index], txy = xy[index]
                let a1 = txx * n1 + txy * n2, a2 = txy * n1 + tyy * n2  // τn
                let nan = n1 * a1 + n2 * a2  // n·τ·n
                xx[index] = 2 * n1 * a1 - n1 * n1 * nan
                yy[index] = 2 * n2 * a2 - n2 * n2 * nan
                xy[index] = n1 * a2 + n2 * a1 - n1 * n2 * nan
              }
            }
          }
        }
      }
    }
    transform.inverse(hxx, into: &field[0])
    transform.inverse(hyy, into: &field[1])
    transform.inverse(hxy, into: &field[2])
  }

  static func stress(_ e: [[Double]], lame: [Double], shear: [Double]) -> [[Double]] {
    let n = e[0].count
    var sxx = [Double](repeating: 0, count: n), syy = sxx, sxy = sxx
    let exx = e[0], eyy = e[1], exy = e[2]
    for k in 0..<n {
      let trace = exx[k] + eyy[k]
      sxx[k] = lame[k] * trace + 2 * shear[k] * exx[k]
      syy[k] = lame[k] * trace + 2 * shear[k] * eyy[k]
      sxy[k] = 2 * shear[k] * exy[k]
    }
    return [sxx, syy, sxy]
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
        axpy(&eps[c], alpha, p[c])
        axpy(&r[c], -alpha, ap[c])
      }
      let rrNew = Self.inner(r, r)
      let beta = rrNew / rr
      rr = rrNew
      for c in 0..<3 { xpay(r[c], beta, &p[c]) }
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

/// y += a·x
func axpy(_ y: inout [Double], _ a: Double, _ x: [Double]) {
  x.withUnsafeBufferPointer { x in
    y.withUnsafeMutableBufferPointer { y in
      for k in 0..<y.count { y[k] += a * x[k] }
    }
  }
}

/// y = x + b·y
func xpay(_ x: [Double], _ b: Double, _ y: inout [Double]) {
  x.withUnsafeBufferPointer { x in
    y.withUnsafeMutableBufferPointer { y in
      for k in 0..<y.count { y[k] = x[k] + b * y[k] }
    }
  }
}
