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
    for c in 0..<3 {
      field[c].withUnsafeBufferPointer { src in
        components[c].forwardIntoSpectrumBuffer { dst in
          for k in 0..<dst.count { dst[k] = src[k] }
        }
      }
    }
    projectSpectra()
    for c in 0..<3 { components[c].inverseOfSpectrumBuffer(into: &field[c]) }
  }

  /// One transform per component (xx, yy, xy): each keeps its spectrum in its own FFTW buffer,
  /// where the projection works in place (no spectrum is copied; plans are shared).
  private lazy var components: [SpectralTransform2D] = [
    transform,
    SpectralTransform2D(nx: nx, ny: ny, lengthX: transform.lengthX, lengthY: transform.lengthY, boundary: .periodic),
    SpectralTransform2D(nx: nx, ny: ny, lengthX: transform.lengthX, lengthY: transform.lengthY, boundary: .periodic),
  ]

  /// The components' spectra ← G applied to them.
  private func projectSpectra() {
    let components = self.components
    directions.withUnsafeBufferPointer { directions in
      components[0].withSpectrumBuffer { xx in
        components[1].withSpectrumBuffer { yy in
          components[2].withSpectrumBuffer { xy in
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
  }

  /// out = G[C:(e − e⁰I)] (e⁰ = 0 when nil): the stress of each component is written straight
  /// into its transform's input, projected in Fourier space, and transformed back.
  private func projectedStress(_ e: [[Double]], eigenstrain: [Double]?, lame: [Double], shear: [Double],
                               into out: inout [[Double]]) {
    let zero = [Double](repeating: 0, count: eigenstrain == nil ? 1 : 0)
    let eigen = eigenstrain ?? zero
    let hasEigen = eigenstrain != nil
    for c in 0..<3 {
      e[0].withUnsafeBufferPointer { exx in
      e[1].withUnsafeBufferPointer { eyy in
      e[2].withUnsafeBufferPointer { exy in
      lame.withUnsafeBufferPointer { lame in
      shear.withUnsafeBufferPointer { shear in
      eigen.withUnsafeBufferPointer { e0 in
        components[c].forwardIntoSpectrumBuffer { dst in
          switch c {
          case 0, 1:
            let own = c == 0 ? exx : eyy
            for k in 0..<dst.count {
              let misfit = hasEigen ? e0[k] : 0
              dst[k] = lame[k] * (exx[k] + eyy[k] - 2 * misfit) + 2 * shear[k] * (own[k] - misfit)
            }
          default:
            for k in 0..<dst.count { dst[k] = 2 * shear[k] * exy[k] }
          }
        }
      }
      }
      }
      }
      }
      }
    }
    projectSpectra()
    for c in 0..<3 { components[c].inverseOfSpectrumBuffer(into: &out[c]) }
  }

  /// ‖G[τ]‖² of the projected spectra by Parseval (r2c layout: columns 0 and nx/2 once, the
  /// others twice for their conjugates), xy counted twice as in `inner`.
  private func projectedNormSquared() -> Double {
    let columns = nx / 2 + 1
    var sum = 0.0
    let components = self.components
    components[0].withSpectrumBuffer { xx in
      components[1].withSpectrumBuffer { yy in
        components[2].withSpectrumBuffer { xy in
          for j in 0..<ny {
            for i in 0..<columns {
              let weight = (i == 0 || (nx % 2 == 0 && i == nx / 2)) ? 1.0 : 2.0
              let base = 2 * (j * columns + i)
              var entry = xx[base] * xx[base] + xx[base + 1] * xx[base + 1]
              entry += yy[base] * yy[base] + yy[base + 1] * yy[base + 1]
              entry += 2 * (xy[base] * xy[base] + xy[base + 1] * xy[base + 1])
              sum += weight * entry
            }
          }
        }
      }
    }
    return sum / Double(nx * ny)
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
  /// from `initialStrain` (a previous total strain; E = 0 so strain = fluctuation).
  /// CG on G[C:ε] = b, b = G[C:ε⁰], stopped at ‖r‖ ≤ tolerance·‖b‖. The first residual is one
  /// projection, r = G[C:(ε⁰ − ε)], and ‖b‖ comes from the spectrum of C:ε⁰ by Parseval, so a
  /// solve costs 6 transforms per iteration plus 7.
  public func solve(lame: [Double], shear: [Double], eigenstrain: [Double],
                    initialStrain: [[Double]]? = nil) -> Result {
    let n = nx * ny
    precondition(lame.count == n && shear.count == n && eigenstrain.count == n)
    let zeros = [Double](repeating: 0, count: n)
    var eps = initialStrain ?? [zeros, zeros, zeros]
    let components = self.components
    // ‖b‖: C:(e⁰I) is the in-plane pressure 2(λ+μ)e⁰ on xx and yy, nothing on xy.
    lame.withUnsafeBufferPointer { lame in
      shear.withUnsafeBufferPointer { shear in
        eigenstrain.withUnsafeBufferPointer { e0 in
          components[0].forwardIntoSpectrumBuffer { dst in
            for k in 0..<dst.count { dst[k] = 2 * (lame[k] + shear[k]) * e0[k] }
          }
        }
      }
    }
    components[0].withSpectrumBuffer { xx in
      components[1].withSpectrumBuffer { yy in _ = yy.update(fromContentsOf: xx) }
      components[2].withSpectrumBuffer { xy in xy.update(repeating: 0) }
    }
    projectSpectra()
    let bNorm = max(projectedNormSquared().squareRoot(), .leastNormalMagnitude)
    // r = b − G[C:ε] = −G[C:(ε − ε⁰)]
    var r = [zeros, zeros, zeros]
    projectedStress(eps, eigenstrain: eigenstrain, lame: lame, shear: shear, into: &r)
    for c in 0..<3 { scale(&r[c], by: -1) }
    var rr = Self.inner(r, r)
    var iterations = 0
    var p = r
    var ap = [zeros, zeros, zeros]
    while rr.squareRoot() / bNorm > tolerance && iterations < maxIterations {
      projectedStress(p, eigenstrain: nil, lame: lame, shear: shear, into: &ap)
      let alpha = rr / Self.inner(p, ap)
      var rrNew = 0.0
      for c in 0..<3 {
        rrNew += (c == 2 ? 2 : 1) * updateStrainAndResidual(&eps[c], &r[c], p[c], ap[c], alpha)
      }
      let beta = rrNew / rr
      rr = rrNew
      for c in 0..<3 { xpay(r[c], beta, &p[c]) }
      iterations += 1
    }
    // Stress σ = C:(ε − ε⁰), σ_zz = λ tr(ε − ε⁰) (ε_zz = ε⁰_zz = 0).
    var sxx = zeros, syy = zeros, sxy = zeros, zz = zeros
    eps[0].withUnsafeBufferPointer { e0 in
    eps[1].withUnsafeBufferPointer { e1 in
    eps[2].withUnsafeBufferPointer { e2 in
    sxx.withUnsafeMutableBufferPointer { sxx in
    syy.withUnsafeMutableBufferPointer { syy in
    sxy.withUnsafeMutableBufferPointer { sxy in
    zz.withUnsafeMutableBufferPointer { zz in
      for k in 0..<n {
        let exx = e0[k] - eigenstrain[k], eyy = e1[k] - eigenstrain[k]
        let trace = exx + eyy
        sxx[k] = lame[k] * trace + 2 * shear[k] * exx
        syy[k] = lame[k] * trace + 2 * shear[k] * eyy
        sxy[k] = 2 * shear[k] * e2[k]
        zz[k] = lame[k] * trace
      }
    }
    }
    }
    }
    }
    }
    }
    let sigma = [sxx, syy, sxy]
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

/// y *= a
func scale(_ y: inout [Double], by a: Double) {
  y.withUnsafeMutableBufferPointer { y in
    for k in 0..<y.count { y[k] *= a }
  }
}

/// ε += α·p and r −= α·Ap in one pass; returns r·r of the updated r.
func updateStrainAndResidual(_ eps: inout [Double], _ r: inout [Double], _ p: [Double], _ ap: [Double],
                             _ alpha: Double) -> Double {
  var sum = 0.0
  p.withUnsafeBufferPointer { p in
    ap.withUnsafeBufferPointer { ap in
      eps.withUnsafeMutableBufferPointer { eps in
        r.withUnsafeMutableBufferPointer { r in
          for k in 0..<r.count {
            eps[k] += alpha * p[k]
            let value = r[k] - alpha * ap[k]
            r[k] = value
            sum += value * value
          }
        }
      }
    }
  }
  return sum
}
