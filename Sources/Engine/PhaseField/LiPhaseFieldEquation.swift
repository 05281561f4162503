import Foundation

/// Equation 1 of the Li model on the node grid (periodic x, no-flux walls via DCT-I in y):
/// ∂ξ/∂t = −Lσ[g′(ξ) − κ(θ)∇²ξ + ∂f_els/∂ξ] − Lη h′(ξ)[e^((1−α)Fη/RT) − (c/c0)e^(−αFη/RT)],
/// g = Wξ²(1−ξ)², h = ξ³(6ξ² − 15ξ + 10), κ(θ) = κ0(1 + δ cos ω(θ − θ0)), θ = angle of ∇ξ.
/// IMEX split: implicit Lσ[κ0(1+δ)∇² − S] (the largest κ, so the explicit anisotropic remainder
/// Lσκ0[δcos ω(θ−θ0) − δ]∇²ξ only reduces the diffusion and the scheme stays stable at any Δt),
/// explicit the rest with +Lσ·S·ξ. ∇² and ∇ are the 5-point / central-difference stencils, and
/// the implicit symbol is the 5-point one, so the split is exact at δ = 0. Units: s, m, V.
public final class LiPhaseFieldEquation: PhysicalExplicitProblem {
  public let transform: SpectralTransform2D
  public let linearSymbol: [Double]
  public let physics: LiModelPhysics
  let stabilization: Double
  /// Coupling fields on all nodes, set by the model before each step.
  public var overpotential: [Double]
  public var concentration: [Double]
  /// ∂f_els/∂ξ on all nodes (J/m³) when mechanics is coupled.
  public var elasticForce: [Double]?

  public init(physics: LiModelPhysics, numerics: LiModelNumerics) {
    self.physics = physics
    transform = SpectralTransform2D(nx: numerics.nx, ny: numerics.ny + 1, lengthX: numerics.lengthX,
                                    lengthY: numerics.lengthY, boundary: .neumann)
    let s = numerics.stabilization * physics.barrierHeight
    stabilization = s
    let l = physics.interfaceMobility, k = physics.gradientCoefficient * (1 + physics.anisotropyStrength)
    linearSymbol = transform.laplacianSymbol(.fivePoint).map { l * (k * $0 - s) }
    let n = transform.fieldCount
    overpotential = [Double](repeating: 0, count: n)
    concentration = [Double](repeating: physics.referenceConcentration, count: n)
  }

  public func explicitPart(_ xi: [Double], time: Double, into hat: inout [Double]) {
    transform.forward(into: &hat) { evaluate(xi, dt: nil, into: $0) }
  }

  /// F(ξ + Δt·N(ξ)): the explicit terms and the state in one transform (IMEX Euler).
  public func explicitUpdate(_ xi: [Double], time: Double, dt: Double, into hat: inout [Double]) {
    transform.forward(into: &hat) { evaluate(xi, dt: dt, into: $0) }
  }

  /// Writes N(ξ) on every node, or ξ + Δt·N(ξ) when `dt` is given.
  private func evaluate(_ xi: [Double], dt: Double?, into out: UnsafeMutableBufferPointer<Double>) {
    let nx = transform.nx, rows = transform.ny
    let hx = transform.spacingX, hy = transform.spacingY
    let p = physics
    let l = p.interfaceMobility, w = p.barrierHeight, s = stabilization
    let kappa0 = p.gradientCoefficient, delta = p.anisotropyStrength
    let omega = p.anisotropyMode, theta0 = p.anisotropyAngle
    let fa = (1 - p.transferCoefficient) * p.fOverRT, fc = p.transferCoefficient * p.fOverRT
    let c0 = p.referenceConcentration, lEta = p.reactionConstant
    let gradientFloor = 1e-9 / min(hx, hy)
    let hasElastic = elasticForce != nil
    let elasticValues = elasticForce ?? []
    let step = dt ?? 0, update = dt != nil
    // reciprocals: one division per grid instead of four per node
    let ihx2 = 1 / (hx * hx), ihy2 = 1 / (hy * hy), i2hx = 1 / (2 * hx), i2hy = 1 / (2 * hy)
    let ic0 = 1 / c0
    let cosTheta0 = cos(theta0), sinTheta0 = sin(theta0)
    xi.withUnsafeBufferPointer { u in
    overpotential.withUnsafeBufferPointer { overpotential in
    concentration.withUnsafeBufferPointer { concentration in
    elasticValues.withUnsafeBufferPointer { elastic in
      for j in 0..<rows {
        let up = j + 1 < rows ? j + 1 : j - 1  // mirror: no-flux walls
        let down = j > 0 ? j - 1 : j + 1
        let row = j * nx
        for i in 0..<nx {
          let k = row + i
          let e = u[i + 1 < nx ? k + 1 : row], west = u[i > 0 ? k - 1 : row + nx - 1]
          let n = u[up * nx + i], south = u[down * nx + i]
          let x = u[k]
          let laplacian = (e - 2 * x + west) * ihx2 + (n - 2 * x + south) * ihy2
          let gx = (e - west) * i2hx, gy = (n - south) * i2hy
          let anisotropic = delta * (Self.angularFactor(gx, gy, omega: omega, cosTheta0: cosTheta0,
                                                         sinTheta0: sinTheta0, floor: gradientFloor) - 1)
          let dg = 2 * w * x * (1 - x) * (1 - 2 * x)
          let dh = 30 * x * x * (1 - x) * (1 - x)
          let eta = overpotential[k]
          let bv = exp(fa * eta) - concentration[k] * ic0 * exp(-fc * eta)
          let force = -l * (dg - s * x + (hasElastic ? elastic[k] : 0)) + l * kappa0 * anisotropic * laplacian
            - lEta * dh * bv
          out[k] = update ? x + step * force : force
        }
      }
    }
    }
    }
    }
  }

  /// cos ω(θ − θ0) for the normal direction of the gradient (gx, gy). Where |∇ξ| is below
  /// `floor` the normal is undefined (bulk phases, and round-off gradients that would otherwise
  /// pick a random angle and break mirror symmetry): the factor is 1, the value at the walls,
  /// where the mirror rule makes ∂ξ/∂y = 0. Integer ω uses the Chebyshev recurrence
  /// cos nθ = T_n(cos θ) on the rotated unit normal (exactly even in the mirrored gradient),
  /// other ω use atan2.
  @inline(__always)
  static func angularFactor(_ gx: Double, _ gy: Double, omega: Double, cosTheta0: Double,
                            sinTheta0: Double, floor: Double) -> Double {
    let norm = (gx * gx + gy * gy).squareRoot()
    if !(norm > floor) { return 1 }
    let rx = (gx * cosTheta0 + gy * sinTheta0) / norm
    if omega == omega.rounded(), omega >= 0, omega <= 32 {
      let n = Int(omega)
      if n == 0 { return 1 }
      var previous = 1.0, current = rx
      if n >= 2 {
        for _ in 2...n {
          let next = 2 * rx * current - previous
          previous = current
          current = next
        }
      }
      return current
    }
    let ry = (gy * cosTheta0 - gx * sinTheta0) / norm
    return cos(omega * atan2(ry, rx))
  }
}
