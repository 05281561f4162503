/// Equation 2 of the Li model: ∂c/∂t = ∇·(D∇c + D c (F/RT)∇φ) − c_s ∂ξ/∂t (c in mol/m³),
/// with no flux through the Li electrode (y = 0: it neither supplies nor takes Li⁺ except by
/// deposition, which is the sink), c = c0 held at the counter electrode (y = Ly, the reservoir)
/// and periodic in x. The field carried is the lifted w = c − c0 on the node rows 0…Ny−1
/// (DCT-III in y, `neumannDirichlet`); at the wall row the mirror rule makes the wall flux zero. Diffusion is implicit (5-point symbol); migration and the deposition sink
/// are explicit. Migration uses face fluxes D·c_face·(F/RT)·Δφ/h with c_face the mean of the two
/// nodes, so ∫c changes only by the wall fluxes and the sink; the explicit drift is stable for
/// Δt ≤ h/|v|, v = D(F/RT)|∇φ| (the model's migration limit).
/// Layered D (model 3, `upperDiffusivity` from y ≥ layerHeight·Ly, faces by their midpoint):
/// the implicit symbol uses D_max and the explicit part adds ∇·((D − D_max)∇c) as face fluxes,
/// which only removes diffusion, so the split stays stable at any Δt (as in the ξ equation).
public final class LiConcentrationEquation: PhysicalExplicitProblem {
  public let transform: SpectralTransform2D
  public let linearSymbol: [Double]
  public let physics: LiModelPhysics
  let nx: Int
  let intervals: Int
  let layerStart: Double
  /// φ and ∂ξ/∂t on all nodes (rows 0…Ny), set by the model before each step.
  public var potential: [Double]
  public var phaseRate: [Double]
  /// c on all rows, rebuilt from w by each evaluation (kept to avoid an allocation per step).
  private var fullConcentration: [Double] = []

  public init(physics: LiModelPhysics, numerics: LiModelNumerics) {
    self.physics = physics
    nx = numerics.nx
    intervals = numerics.ny
    transform = SpectralTransform2D(nx: numerics.nx, ny: numerics.ny, lengthX: numerics.lengthX,
                                    lengthY: numerics.lengthY, boundary: .neumannDirichlet)
    let d = max(physics.diffusivity, physics.upperDiffusivity ?? 0)
    linearSymbol = transform.laplacianSymbol(.fivePoint).map { d * $0 }
    layerStart = physics.layerHeight * numerics.lengthY
    let all = numerics.nx * (numerics.ny + 1)
    potential = [Double](repeating: 0, count: all)
    phaseRate = [Double](repeating: 0, count: all)
  }

  /// Full-grid c (rows 0…Ny) from the lifted field on rows 0…Ny−1.
  public func concentration(from w: [Double]) -> [Double] {
    let c0 = physics.referenceConcentration
    var c = [Double](repeating: c0, count: nx * (intervals + 1))
    for k in 0..<w.count { c[k] = w[k] + c0 }
    return c
  }

  public func explicitPart(_ w: [Double], time: Double, into hat: inout [Double]) {
    transform.forward(into: &hat) { evaluate(w, dt: nil, into: $0) }
  }

  /// F(w + Δt·N(w)): the explicit terms and the state in one transform (IMEX Euler).
  public func explicitUpdate(_ w: [Double], time: Double, dt: Double, into hat: inout [Double]) {
    transform.forward(into: &hat) { evaluate(w, dt: dt, into: $0) }
  }

  /// Writes N(w) on rows 0…Ny−1, or w + Δt·N(w) when `dt` is given.
  private func evaluate(_ w: [Double], dt: Double?, into out: UnsafeMutableBufferPointer<Double>) {
    let c0 = physics.referenceConcentration
    let interior = nx * intervals
    if fullConcentration.count != nx * (intervals + 1) {
      fullConcentration = [Double](repeating: c0, count: nx * (intervals + 1))
    }
    fullConcentration.withUnsafeMutableBufferPointer { c in
      w.withUnsafeBufferPointer { w in
        for k in 0..<interior { c[k] = w[k] + c0 }
      }
    }
    let hx = transform.spacingX, hy = transform.spacingY
    let cs = physics.siteDensity, fOverRT = physics.fOverRT
    let lowerD = physics.diffusivity, upperD = physics.upperDiffusivity ?? physics.diffusivity
    let implicitD = max(lowerD, upperD), layerStart = self.layerStart
    func faceD(_ y: Double) -> Double { y >= layerStart ? upperD : lowerD }
    let step = dt ?? 0, update = dt != nil
    let nx = self.nx
    fullConcentration.withUnsafeBufferPointer { c in
    potential.withUnsafeBufferPointer { phi in
    phaseRate.withUnsafeBufferPointer { rate in
    w.withUnsafeBufferPointer { w in
      for j in 0..<intervals {
        let row = j * nx
        let dRow = faceD(Double(j) * hy), dNorth = faceD((Double(j) + 0.5) * hy)
        let dSouth = j == 0 ? dNorth : faceD((Double(j) - 0.5) * hy)
        // Per face: migration D c_face (F/RT) Δφ/h² (c_face = half the node sum) and the
        // diffusion correction (D − D_max) Δc/h²; reciprocals so the node loop has no division.
        let ax = 0.5 * dRow * fOverRT / (hx * hx)
        let an = 0.5 * dNorth * fOverRT / (hy * hy), aS = 0.5 * dSouth * fOverRT / (hy * hy)
        let gx = (dRow - implicitD) / (hx * hx)
        let gn = (dNorth - implicitD) / (hy * hy), gs = (dSouth - implicitD) / (hy * hy)
        let layered = gx != 0 || gn != 0 || gs != 0
        for i in 0..<nx {
          let k = row + i
          let east = i + 1 < nx ? k + 1 : row, west = i > 0 ? k - 1 : row + nx - 1
          let north = k + nx, south = j == 0 ? k + nx : k - nx  // mirror at the Li electrode
          let ck = c[k], pk = phi[k]
          let up = (ck + c[north]) * (phi[north] - pk), down = (c[south] + ck) * (pk - phi[south])
          var divergence = ax * ((ck + c[east]) * (phi[east] - pk) - (c[west] + ck) * (pk - phi[west]))
            + (an == aS ? an * (up - down) : an * up - aS * down)
          if layered {
            divergence += gx * (c[east] - 2 * ck + c[west]) + gn * (c[north] - ck) - gs * (ck - c[south])
          }
          let force = divergence - cs * rate[k]
          out[k] = update ? w[k] + step * force : force
        }
      }
    }
    }
    }
    }
  }
}
