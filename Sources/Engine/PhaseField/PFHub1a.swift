import Foundation

/// PFHub benchmark 1a: spinodal decomposition (Cahn–Hilliard) on a periodic 200 × 200 square.
/// F = ∫[ρ(c − cα)²(cβ − c)² + (κ/2)|∇c|²]dA; ∂c/∂t = ∇·(M∇μ), μ = f′(c) − κ∇²c;
/// cα = 0.3, cβ = 0.7, ρ = 5, κ = 2, M = 5 (dimensionless units).
/// Scheme: Fourier spectral in space (dx = 1), stabilised semi-implicit in time:
/// implicit part M·S·∇²c − Mκ∇⁴c (symbol −M·S·k² − Mκk⁴), explicit part M∇²(f′(c) − S·c).
/// With S ≥ max|f″|/2 over the range of c (max f″ = 2ρ(cβ−cα)² = 1.6 at the wells, so S = 1)
/// the Euler step decreases the discrete energy at any Δt (Shen & Yang 2010). The zero mode
/// has a zero symbol and a zero explicit term, so the mean of c is conserved to round-off.
public final class PFHub1aProblem: SemilinearProblem {
  public static let rho = 5.0, cAlpha = 0.3, cBeta = 0.7, kappa = 2.0, mobility = 5.0

  public let transform: SpectralTransform2D
  public let linearSymbol: [Double]
  public let stabilization: Double
  private let laplacian: [Double]
  private var buffer: [Double]

  public init(size: Int = 200, length: Double = 200, stabilization: Double = 1) {
    transform = SpectralTransform2D(nx: size, ny: size, lengthX: length, lengthY: length,
                                    boundary: .periodic)
    self.stabilization = stabilization
    laplacian = transform.laplacianSymbol(.spectral)
    let m = Self.mobility, k = Self.kappa
    linearSymbol = laplacian.map { m * stabilization * $0 - m * k * $0 * $0 }
    buffer = [Double](repeating: 0, count: transform.fieldCount)
  }

  /// PFHub's initial condition c = 0.5 + 0.01[cos(0.105x)cos(0.11y) + (cos(0.13x)cos(0.087y))²
  /// + cos(0.025x − 0.15y)cos(0.07x − 0.02y)] at the nodes x = i·dx, y = j·dx.
  public func initialCondition() -> [Double] {
    let n = transform.nx, h = transform.spacingX
    var c = [Double](repeating: 0, count: n * transform.ny)
    for j in 0..<transform.ny {
      let y = Double(j) * h
      for i in 0..<n {
        let x = Double(i) * h
        let second = cos(0.13 * x) * cos(0.087 * y)
        c[j * n + i] = 0.5 + 0.01 * (cos(0.105 * x) * cos(0.11 * y) + second * second
          + cos(0.025 * x - 0.15 * y) * cos(0.07 * x - 0.02 * y))
      }
    }
    return c
  }

  /// F of the initial condition with its analytic gradient, by the midpoint rule on cells of
  /// size 1/samplesPerUnit: the converged value PFHub quotes (319.0433). The spectral energy of
  /// the sampled field is larger (≈319.20 at dx = 1) because the initial condition is not
  /// periodic and a Fourier gradient sees the jump of its periodic extension at the boundary.
  public static func analyticInitialEnergy(length: Double = 200, samplesPerUnit: Int = 2) -> Double {
    let n = Int(length) * samplesPerUnit
    let h = length / Double(n)
    var sum = 0.0
    for j in 0..<n {
      let y = (Double(j) + 0.5) * h
      for i in 0..<n {
        let x = (Double(i) + 0.5) * h
        let a = cos(0.105 * x) * cos(0.11 * y)
        let ax = -0.105 * sin(0.105 * x) * cos(0.11 * y), ay = -0.11 * cos(0.105 * x) * sin(0.11 * y)
        let b = cos(0.13 * x) * cos(0.087 * y)
        let bx = -0.13 * sin(0.13 * x) * cos(0.087 * y), by = -0.087 * cos(0.13 * x) * sin(0.087 * y)
        let p = 0.025 * x - 0.15 * y, q = 0.07 * x - 0.02 * y
        let cc = cos(p), d = cos(q)
        let cx = -0.025 * sin(p), cy = 0.15 * sin(p), dx = -0.07 * sin(q), dy = 0.02 * sin(q)
        let c = 0.5 + 0.01 * (a + b * b + cc * d)
        let gx = 0.01 * (ax + 2 * b * bx + cx * d + cc * dx)
        let gy = 0.01 * (ay + 2 * b * by + cy * d + cc * dy)
        sum += bulk(c) + 0.5 * kappa * (gx * gx + gy * gy)
      }
    }
    return sum * h * h
  }

  static func bulk(_ c: Double) -> Double {
    let a = c - cAlpha, b = cBeta - c
    return rho * a * a * b * b
  }

  static func bulkDerivative(_ c: Double) -> Double {
    2 * rho * (c - cAlpha) * (cBeta - c) * (cAlpha + cBeta - 2 * c)
  }

  public func explicitPart(_ u: [Double], time: Double, into hat: inout [Double]) {
    for index in 0..<u.count {
      buffer[index] = Self.bulkDerivative(u[index]) - stabilization * u[index]
    }
    transform.forward(buffer, into: &hat)
    let m = Self.mobility
    for index in 0..<hat.count { hat[index] *= m * laplacian[index] }
  }

  /// Total free energy with spectral gradients: Σ[f(c) + (κ/2)|∇c|²]·dx·dy.
  public func freeEnergy(_ c: [Double]) -> Double {
    var hat = [Double]()
    transform.forward(c, into: &hat)
    var gx = [Double](), gy = [Double]()
    transform.gradient(spectrum: hat, dx: &gx, dy: &gy)
    var sum = 0.0
    for index in 0..<c.count {
      sum += Self.bulk(c[index]) + 0.5 * Self.kappa * (gx[index] * gx[index] + gy[index] * gy[index])
    }
    return sum * transform.spacingX * transform.spacingY
  }

  /// Total amount Σc·dA (conserved).
  public func mass(_ c: [Double]) -> Double {
    c.reduce(0, +) * transform.spacingX * transform.spacingY
  }

  /// One row of PFHub's free-energy output.
  public struct EnergySample: Sendable, Codable, Equatable {
    public var time: Double
    public var freeEnergy: Double
    enum CodingKeys: String, CodingKey {
      case time
      case freeEnergy = "free_energy"
    }
  }

  /// Runs to `endTime` with fixed `dt`, sampling F every `outputInterval` (and at 0 and the end).
  /// Returns the samples and the final mass drift |m(t) − m(0)|/m(0).
  public func run(endTime: Double, dt: Double, outputInterval: Double,
                  stepper: any SpectralStepper = IMEXEulerStepper())
    -> (samples: [EnergySample], massDrift: Double, field: [Double])
  {
    let c0 = initialCondition()
    let m0 = mass(c0)
    var state = SpectralState(u: c0, transform: transform)
    var samples = [EnergySample(time: 0, freeEnergy: freeEnergy(c0))]
    let steps = Int((endTime / dt).rounded())
    let every = max(1, Int((outputInterval / dt).rounded()))
    for n in 1...max(steps, 1) where steps > 0 {
      stepper.advance(&state, problem: self, dt: dt)
      state.time = Double(n) * dt
      if n % every == 0 || n == steps {
        samples.append(EnergySample(time: state.time, freeEnergy: freeEnergy(state.u)))
      }
    }
    return (samples, abs(mass(state.u) - m0) / m0, state.u)
  }
}
