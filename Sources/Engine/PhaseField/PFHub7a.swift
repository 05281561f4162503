import Foundation

/// PFHub benchmark 7a: the manufactured solution for Allen–Cahn (Jokisaari et al., Comput. Mater.
/// Sci. 149 (2018) 336). ∂η/∂t = −[4η(η−1)(η−½) − κ∇²η] + S(x, y, t) on x ∈ [0, 1) periodic,
/// y ∈ [0, ½] with η(y=0) = 1, η(y=½) = 0; exact η = ½[1 − tanh((y − α(x,t))/√(2κ))],
/// α = ¼ + A1·t·sin(B1x) + A2·sin(B2x + C2t).
/// Discretisation: the lifted field w = η − (1 − 2y) vanishes on both walls and is carried on the
/// interior nodes by a DST-I in y and Fourier in x; the implicit part is κ∇² − S_stab, the explicit
/// part −4η(η−1)(η−½) + S_stab·w + S(x, y, t). The lift is harmonic and steady, so it drops out.
public final class PFHub7aProblem: SemilinearProblem {
  public static let kappa = 0.0004
  public static let a1 = 0.0075, b1 = 8 * Double.pi, a2 = 0.03, b2 = 22 * Double.pi
  public static let c2 = 0.0625 * Double.pi

  public let transform: SpectralTransform2D
  public let linearSymbol: [Double]
  public let stabilization: Double
  /// Interior node coordinates.
  public let x: [Double]
  public let y: [Double]
  private var buffer: [Double]

  /// - Parameters: nx periodic points in x (ny = nx/2 intervals in y, nx/2 − 1 interior nodes).
  public init(nx: Int, stabilization: Double = 2, laplacian: LaplacianSymbolKind = .spectral) {
    let intervalsY = nx / 2
    transform = SpectralTransform2D(nx: nx, ny: intervalsY - 1, lengthX: 1, lengthY: 0.5,
                                    boundary: .dirichlet)
    self.stabilization = stabilization
    linearSymbol = transform.laplacianSymbol(laplacian).map { Self.kappa * $0 - stabilization }
    let hx = 1 / Double(nx), hy = 0.5 / Double(intervalsY)
    x = (0..<nx).map { Double($0) * hx }
    y = (1..<intervalsY).map { Double($0) * hy }
    buffer = [Double](repeating: 0, count: transform.fieldCount)
  }

  /// α(x, t) and its derivatives α_x, α_xx, α_t.
  static func alpha(_ x: Double, _ t: Double) -> (a: Double, ax: Double, axx: Double, at: Double) {
    let s1 = sin(b1 * x), c1 = cos(b1 * x)
    let phase = b2 * x + c2 * t
    let s2 = sin(phase), cs2 = cos(phase)
    return (0.25 + a1 * t * s1 + a2 * s2,
            a1 * t * b1 * c1 + a2 * b2 * cs2,
            -a1 * t * b1 * b1 * s1 - a2 * b2 * b2 * s2,
            a1 * s1 + a2 * c2 * cs2)
  }

  /// The exact η at (x, y, t).
  public static func exact(x: Double, y: Double, t: Double) -> Double {
    0.5 * (1 - tanh((y - alpha(x, t).a) / (2 * kappa).squareRoot()))
  }

  /// The manufactured source S = sech²z/(4√κ)·[−2√κ·tanh z·α_x² + √2(α_t − κα_xx)].
  public static func source(x: Double, y: Double, t: Double) -> Double {
    let al = alpha(x, t)
    let rootKappa = kappa.squareRoot()
    let z = (y - al.a) / (2 * kappa).squareRoot()
    let sech = 1 / cosh(z)
    return sech * sech / (4 * rootKappa)
      * (-2 * rootKappa * tanh(z) * al.ax * al.ax + 2.0.squareRoot() * (al.at - kappa * al.axx))
  }

  /// The lifted exact solution w = η − (1 − 2y) on the interior nodes at time t.
  public func exactLifted(at t: Double) -> [Double] {
    var w = [Double](repeating: 0, count: transform.fieldCount)
    for j in 0..<y.count {
      for i in 0..<x.count {
        w[j * x.count + i] = Self.exact(x: x[i], y: y[j], t: t) - (1 - 2 * y[j])
      }
    }
    return w
  }

  public func explicitPart(_ u: [Double], time: Double, into hat: inout [Double]) {
    let nx = x.count
    for j in 0..<y.count {
      let lift = 1 - 2 * y[j]
      for i in 0..<nx {
        let index = j * nx + i
        let eta = u[index] + lift
        buffer[index] = -4 * eta * (eta - 1) * (eta - 0.5) + stabilization * u[index]
          + Self.source(x: x[i], y: y[j], t: time)
      }
    }
    transform.forward(buffer, into: &hat)
  }

  /// L2 = √(Σ(η − η_exact)² ΔxΔy) over the interior nodes (the wall nodes are exact).
  public func l2Error(_ w: [Double], at t: Double) -> Double {
    let exact = exactLifted(at: t)
    var sum = 0.0
    for index in 0..<w.count {
      let d = w[index] - exact[index]
      sum += d * d
    }
    return (sum * transform.spacingX * transform.spacingY).squareRoot()
  }

  /// Runs from the exact state at t = 0 to `endTime` with `stepper` and fixed `dt` (the last
  /// step is shortened to land on endTime) and returns the L2 error there.
  public static func run(nx: Int, dt: Double, stepper: any SpectralStepper, endTime: Double = 8,
                         laplacian: LaplacianSymbolKind = .spectral) -> Double {
    let problem = PFHub7aProblem(nx: nx, laplacian: laplacian)
    var state = SpectralState(u: problem.exactLifted(at: 0), transform: problem.transform)
    let steps = Int((endTime / dt).rounded())
    for n in 0..<steps {
      let target = Double(n + 1) * dt
      stepper.advance(&state, problem: problem, dt: dt)
      state.time = target  // no accumulated round-off in t
    }
    return problem.l2Error(state.u, at: state.time)
  }
}
