import Foundation

/// Equation 1 of the Li model on the node grid (periodic x, no-flux walls via DCT-I in y):
/// ∂ξ/∂t = −Lσ[g′(ξ) − κ(θ)∇²ξ + ∂f_els/∂ξ] − Lη h′(ξ)[e^((1−α)Fη/RT) − (c/c0)e^(−αFη/RT)],
/// g = Wξ²(1−ξ)², h = ξ³(6ξ² − 15ξ + 10), κ(θ) = κ0(1 + δ cos ω(θ − θ0)), θ = angle of ∇ξ.
/// IMEX split: implicit Lσ[κ0(1+δ)∇² − S] (the largest κ, so the explicit anisotropic remainder
/// Lσκ0[δcos ω(θ−θ0) − δ]∇²ξ only reduces the diffusion and the scheme stays stable at any Δt),
/// explicit the rest with +Lσ·S·ξ. ∇² and ∇ are the 5-point / central-difference stencils, and
/// the implicit symbol is the 5-point one, so the split is exact at δ = 0. Units: s, m, V.
///
/// Deposition sink (issue 19 §2). The deposition part of the rate, D = Lη h′(ξ)(c/c0)e^(−αFη/RT),
/// is what equation 2 takes from c as −c_s·∂ξ/∂t: locally dc/dt = S − k·c with
/// k = c_s·Lη·h′(ξ)e^(−αFη/RT)/c0 (h′ ≥ 0) and S the Li⁺ that transport brings. With c at its old
/// value the Euler factor 1 − kΔt overshoots into a step-to-step oscillation for kΔt > 1 and
/// grows for kΔt > 2 (kΔt ≈ 3.6 at Δt = 1 ms, η = −0.2 V, h′ = 15/8 with the presets' values;
/// the former 1 ms Δt cap). In a step of size Δt the deposition term therefore uses
/// c̃ = max(c*, 0)/(1 + kΔt), c* the c after Δt of transport alone
/// (`LiConcentrationEquation.transported`, ≈ cⁿ + Δt·S): transport, then a backward-Euler step
/// of the reaction (a Lie splitting with a linearly implicit, Patankar-type sink):
/// - stable and monotone at any Δt: 1/(1 + kΔt) ∈ (0, 1] never changes sign, and a step
///   deposits c_s·D·Δt = c̃·kΔt < c*, what the node holds after transport;
/// - exact in the quasi-steady supply-limited state whatever Δt: there cⁿ = S/k, c* = cⁿ + ΔtS
///   and c̃ = (S/k + ΔtS)/(1 + kΔt) = S/k, so the deposition equals the supply (with cⁿ in place
///   of c*, c̃ = cⁿ/(1 + kΔt) starves the front by 1 + kΔt: 35 % less tip advance at 3.4 ms);
/// - first order: c̃ = cⁿ + O(Δt), like the rest of the splitting.
/// Δt is then set by accuracy (max_phase_change, migration_courant) alone. Equation 2 still takes
/// exactly c_s·(ξⁿ⁺¹ − ξⁿ) from c, so the Li balance of the step is unchanged. Without
/// `transportedConcentration` (nil) c̃ = cⁿ/(1 + kΔt); N(ξ) without a step (`explicitPart`) is
/// the equation's own right-hand side, with c.
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
  /// c* of the type's comment (mol/m³) on all nodes, for the deposition term's c̃; set by the
  /// model for each step size it tries.
  public var transportedConcentration: [Double]?
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
    // kΔt per unit h′(ξ)e^(−αFη/RT): 0 without a step (the right-hand side itself)
    let depletion = step * p.siteDensity * lEta * ic0
    let symmetricTransfer = fa == fc
    let fourfold = angular.chebyshevDegree == 4
    let scratch = rowScratch, zeros = zeroRow
    xi.withUnsafeBufferPointer { u in
    overpotential.withUnsafeBufferPointer { overpotential in
    concentration.withUnsafeBufferPointer { concentration in
    (transportedConcentration ?? zeros).withUnsafeBufferPointer { transported in
    (elasticForce ?? zeros).withUnsafeBufferPointer { elastic in
    zeros.withUnsafeBufferPointer { zeroRow in
      guard let u = u.baseAddress, let eta = overpotential.baseAddress, let c = concentration.baseAddress,
        let elastic = elastic.baseAddress, let zeroRow = zeroRow.baseAddress, let out = out.baseAddress,
        let transported = transported.baseAddress
      else { return }
      let hasElastic = elasticForce != nil
      // the deposition at the c̃ of the type's comment (in a step given c*)
      let predict = update && transportedConcentration != nil
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
        let etaRow = eta + row, cRow = c + row, transportedRow = predict ? transported + row : zeroRow
        VectorExponential.exponentials(of: etaRow, times: fa, count: nx, into: bracket)
        if !symmetricTransfer {
          let cathodic = buffers.norm  // free once the angular factor is formed
          VectorExponential.exponentials(of: etaRow, times: -fc, count: nx, into: cathodic)
          for i in 0..<nx {
            let x = here[i]
            let dh = 30 * x * x * (1 - x) * (1 - x)
            let predicted = predict ? max(transportedRow[i], 0) : cRow[i]
            bracket[i] -= predicted * ic0 * cathodic[i] / (1 + depletion * dh * cathodic[i])
          }
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
          // symmetric transfer: e^(−αFη/RT) = 1/growth, and c̃/c0·e^(−αFη/RT) =
          // c·ic0/(growth + kΔt·h′), the deposition at the backward-Euler c of the type's comment
          let cNow: SIMD2<Double> = cRow.pair(at: i)
          let predicted: SIMD2<Double> = predict
            ? pointwiseMax(transportedRow.pair(at: i), SIMD2<Double>(repeating: 0)) : cNow
          let bv: SIMD2<Double> = symmetricTransfer ? growth - predicted * ic0 / (growth + depletion * dh) : growth
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
