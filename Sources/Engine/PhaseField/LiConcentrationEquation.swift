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
public final class LiConcentrationEquation: SemilinearProblem {
  public let transform: SpectralTransform2D
  public let linearSymbol: [Double]
  public let physics: LiModelPhysics
  let nx: Int
  let intervals: Int
  let layerStart: Double
  /// φ and ∂ξ/∂t on all nodes (rows 0…Ny), set by the model before each step.
  public var potential: [Double]
  public var phaseRate: [Double]
  private var buffer: [Double]

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
    buffer = [Double](repeating: 0, count: transform.fieldCount)
  }

  /// Full-grid c (rows 0…Ny) from the lifted field on rows 0…Ny−1.
  public func concentration(from w: [Double]) -> [Double] {
    let c0 = physics.referenceConcentration
    var c = [Double](repeating: c0, count: nx * (intervals + 1))
    for k in 0..<w.count { c[k] = w[k] + c0 }
    return c
  }

  public func explicitPart(_ w: [Double], time: Double, into hat: inout [Double]) {
    let c = concentration(from: w)
    let hx = transform.spacingX, hy = transform.spacingY
    let cs = physics.siteDensity, fOverRT = physics.fOverRT
    let implicitD = max(physics.diffusivity, physics.upperDiffusivity ?? 0)
    func faceD(_ y: Double) -> Double {
      y >= layerStart ? (physics.upperDiffusivity ?? physics.diffusivity) : physics.diffusivity
    }
    for j in 0..<intervals {
      let r = j
      let dRow = faceD(Double(j) * hy), dNorth = faceD((Double(j) + 0.5) * hy)
      let dSouth = j == 0 ? dNorth : faceD((Double(j) - 0.5) * hy)
      for i in 0..<nx {
        let k = j * nx + i
        let east = j * nx + (i + 1) % nx, west = j * nx + (i + nx - 1) % nx
        let north = k + nx, south = j == 0 ? k + nx : k - nx  // mirror at the Li electrode
        func flux(_ a: Int, _ b: Int, _ h: Double, _ d: Double) -> Double {
          // D c (F/RT) ∂φ/∂n + (D − D_max) ∂c/∂n across the face from a to b, per unit area
          d * fOverRT * 0.5 * (c[a] + c[b]) * (potential[b] - potential[a]) / h
            + (d - implicitD) * (c[b] - c[a]) / h
        }
        let divergence = (flux(k, east, hx, dRow) - flux(west, k, hx, dRow)) / hx
          + (flux(k, north, hy, dNorth) - flux(south, k, hy, dSouth)) / hy
        buffer[r * nx + i] = divergence - cs * phaseRate[k]
      }
    }
    transform.forward(buffer, into: &hat)
  }
}
