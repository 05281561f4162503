import Foundation

/// Equation 1 of the Li model on the node grid (periodic x, no-flux walls via DCT-I in y):
/// ∂ξ/∂t = −Lσ[g′(ξ) − κ(θ)∇²ξ + ∂f_els/∂ξ] − Lη h′(ξ)[e^((1−α)Fη/RT) − (c/c0)e^(−αFη/RT)],
/// g = Wξ²(1−ξ)², h = ξ³(6ξ² − 15ξ + 10), κ(θ) = κ0(1 + δ cos ω(θ − θ0)), θ = angle of ∇ξ.
/// IMEX split: implicit Lσ[κ0(1+δ)∇² − S] (the largest κ, so the explicit anisotropic remainder
/// Lσκ0[δcos ω(θ−θ0) − δ]∇²ξ only reduces the diffusion and the scheme stays stable at any Δt),
/// explicit the rest with +Lσ·S·ξ. ∇² and ∇ are the 5-point / central-difference stencils, and
/// the implicit symbol is the 5-point one, so the split is exact at δ = 0. Units: s, m, V.
public final class LiPhaseFieldEquation: PhysicalSpaceExplicitProblem {
  public let transform: SpectralTransform2D
  public let linearSymbol: [Double]
  public let physics: LiModelPhysics
  let stabilization: Double
  /// Coupling fields on all nodes, set by the model before each step.
  public var overpotential: [Double]
  public var concentration: [Double]
  /// ∂f_els/∂ξ on all nodes (J/m³) when mechanics is coupled.
  public var elasticForce: [Double]?
  /// Row buffers of the evaluation, and a row of zeros (the elastic force when uncoupled).
  private let rowScratch: PhaseFieldRowScratch
  private let zeroRow: [Double]

  public init(physics: LiModelPhysics, numerics: LiModelNumerics) {
    precondition(numerics.nx % 2 == 0, "nx must be even (LiModel.validate): the row loops take nodes in pairs")
    self.physics = physics
    transform = SpectralTransform2D(nx: numerics.nx, ny: numerics.ny + 1, lengthX: numerics.lengthX,
                                    lengthY: numerics.lengthY, boundary: .neumann)
    let s = numerics.stabilization * physics.barrierHeight
    stabilization = s
    let l = physics.interfaceMobility, k = physics.gradientCoefficient * (1 + physics.anisotropyStrength)
    linearSymbol = transform.laplacianSymbol(.fivePoint).map { l * (k * $0 - s) }
    let n = transform.fieldCount
    rowScratch = PhaseFieldRowScratch(width: numerics.nx)
    zeroRow = [Double](repeating: 0, count: numerics.nx)
    overpotential = [Double](repeating: 0, count: n)
    concentration = [Double](repeating: physics.referenceConcentration, count: n)
  }

  public func explicitPart(_ xi: [Double], time: Double, into hat: inout [Double]) {
    transform.forward(into: &hat) { evaluate(xi, dt: nil, into: $0) }
  }

  /// ξ + Δt·N(ξ) on every node: the explicit terms and the state in one transform (IMEX Euler).
  public func writeExplicitUpdate(_ xi: [Double], time: Double, dt: Double,
                                  into field: UnsafeMutableBufferPointer<Double>) {
    evaluate(xi, dt: dt, into: field)
  }

  /// Writes N(ξ) on every node, or ξ + Δt·N(ξ) when `dt` is given. Row by row, in passes
  /// over short row buffers so that the loops without a library call vectorise: the stencil
  /// (∇²ξ, ∇ξ; the periodic end columns apart), the angular factor, the Butler–Volmer bracket
  /// (two exponentials per node, one when α = ½: e^(−αFη/RT) = 1/e^((1−α)Fη/RT)), and the sum.
  private func evaluate(_ xi: [Double], dt: Double?, into out: UnsafeMutableBufferPointer<Double>) {
    let nx = transform.nx, rows = transform.ny
    let hx = transform.spacingX, hy = transform.spacingY
    let p = physics
    let l = p.interfaceMobility, w = p.barrierHeight, s = stabilization
    let kappa0 = p.gradientCoefficient, delta = p.anisotropyStrength
    let fa = (1 - p.transferCoefficient) * p.fOverRT, fc = p.transferCoefficient * p.fOverRT
    let c0 = p.referenceConcentration, lEta = p.reactionConstant
    let angular = AngularFactor(omega: p.anisotropyMode, theta0: p.anisotropyAngle,
                                floor: 1e-9 / min(hx, hy))
    let step = dt ?? 0, update = dt != nil
    // reciprocals: one division per grid instead of four per node
    let ihx2 = 1 / (hx * hx), ihy2 = 1 / (hy * hy), i2hx = 1 / (2 * hx), i2hy = 1 / (2 * hy)
    let ic0 = 1 / c0
    let symmetricTransfer = fa == fc
    let fourfold = angular.chebyshevDegree == 4
    let scratch = rowScratch, zeros = zeroRow
    xi.withUnsafeBufferPointer { u in
    overpotential.withUnsafeBufferPointer { overpotential in
    concentration.withUnsafeBufferPointer { concentration in
    (elasticForce ?? zeros).withUnsafeBufferPointer { elastic in
    zeros.withUnsafeBufferPointer { zeroRow in
      guard let u = u.baseAddress, let eta = overpotential.baseAddress, let c = concentration.baseAddress,
        let elastic = elastic.baseAddress, let zeroRow = zeroRow.baseAddress, let out = out.baseAddress
      else { return }
      let hasElastic = elasticForce != nil
      // rows are independent (each writes only its own row of `out`); a thread past the first
      // gets its own row buffers
      ParallelWork.forEachChunk(rows, minimumChunk: 8) { chunk in
      let buffers = chunk.lowerBound == 0 ? scratch : PhaseFieldRowScratch(width: nx)
      let laplacian = buffers.laplacian, gx = buffers.gx, gy = buffers.gy
      let factor = buffers.factor, bracket = buffers.bracket
      for j in chunk {
        let up = j + 1 < rows ? j + 1 : j - 1  // mirror: no-flux walls
        let down = j > 0 ? j - 1 : j + 1
        let row = j * nx
        let here = u + row, north = u + up * nx, south = u + down * nx
        @inline(__always) func stencil(_ i: Int, east: Int, west: Int) {
          let x = here[i], e = here[east], wv = here[west], n = north[i], sv = south[i]
          laplacian[i] = (e - 2 * x + wv) * ihx2 + (n - 2 * x + sv) * ihy2
          gx[i] = (e - wv) * i2hx
          gy[i] = (n - sv) * i2hy
        }
        @inline(__always) func stencilFourfold(_ i: Int, east: Int, west: Int) {
          let x = here[i], e = here[east], wv = here[west], n = north[i], sv = south[i]
          laplacian[i] = (e - 2 * x + wv) * ihx2 + (n - 2 * x + sv) * ihy2
          factor[i] = angular.fourfold((e - wv) * i2hx, (n - sv) * i2hy)
        }
        if fourfold {
          stencilFourfold(0, east: 1, west: nx - 1)
          for i in 1..<(nx - 1) { stencilFourfold(i, east: i + 1, west: i - 1) }
          stencilFourfold(nx - 1, east: 0, west: nx - 2)
        } else {
          stencil(0, east: 1, west: nx - 1)
          for i in 1..<(nx - 1) { stencil(i, east: i + 1, west: i - 1) }
          stencil(nx - 1, east: 0, west: nx - 2)
          angular.evaluate(gx: gx, gy: gy, into: factor, scratch: buffers)
        }
        // the exponentials four at a time (`VectorExponential`); the division by
        // e^((1−α)Fη/RT) (α = ½) vectorises with the sum below
        let etaRow = eta + row, cRow = c + row
        VectorExponential.exponentials(of: etaRow, times: fa, count: nx, into: bracket)
        if !symmetricTransfer {
          let cathodic = buffers.norm  // free once the angular factor is formed
          VectorExponential.exponentials(of: etaRow, times: -fc, count: nx, into: cathodic)
          for i in 0..<nx { bracket[i] -= cRow[i] * ic0 * cathodic[i] }
        }
        let elasticRow = hasElastic ? elastic + row : zeroRow
        let target = out + row
        // the same sum on two nodes at once (nx is even)
        let one = SIMD2<Double>(repeating: 1)
        let twoW = 2 * w, lKappa = l * kappa0, minusL = -l
        for i in stride(from: 0, to: nx, by: 2) {
          let x: SIMD2<Double> = here.pair(at: i)
          let anisotropic: SIMD2<Double> = delta * (factor.pair(at: i) - one)
          let complement: SIMD2<Double> = one - x
          let dg: SIMD2<Double> = twoW * x * complement * (one - 2 * x)
          let dh: SIMD2<Double> = 30 * x * x * complement * complement
          let growth: SIMD2<Double> = bracket.pair(at: i)
          let bv: SIMD2<Double> = symmetricTransfer ? growth - cRow.pair(at: i) * ic0 / growth : growth
          let local: SIMD2<Double> = minusL * (dg - s * x + elasticRow.pair(at: i))
          let gradient: SIMD2<Double> = lKappa * anisotropic * laplacian.pair(at: i)
          let sum: SIMD2<Double> = local + gradient - lEta * dh * bv
          target.setPair(update ? x + step * sum : sum, at: i)
        }
      }
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
