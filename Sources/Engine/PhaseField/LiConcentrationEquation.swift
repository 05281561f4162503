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
public final class LiConcentrationEquation: PhysicalSpaceExplicitProblem {
  public let transform: SpectralTransform2D
  public let linearSymbol: [Double]
  public let physics: LiModelPhysics
  let nx: Int
  let intervals: Int
  let layerStart: Double
  /// φ and ∂ξ/∂t on all nodes (rows 0…Ny), set by the model before each step.
  public var potential: [Double]
  public var phaseRate: [Double]
  /// w on the row above the last stored one: the reservoir, c = c0.
  private let reservoirRow: [Double]

  public init(physics: LiModelPhysics, numerics: LiModelNumerics) {
    self.physics = physics
    precondition(numerics.nx % 2 == 0, "nx must be even (LiModel.validate): the row loops take nodes in pairs")
    nx = numerics.nx
    intervals = numerics.ny
    transform = SpectralTransform2D(nx: numerics.nx, ny: numerics.ny, lengthX: numerics.lengthX,
                                    lengthY: numerics.lengthY, boundary: .neumannDirichlet)
    let d = max(physics.diffusivity, physics.upperDiffusivity ?? 0)
    linearSymbol = transform.laplacianSymbol(.fivePoint).map { d * $0 }
    layerStart = physics.layerHeight * numerics.lengthY
    let all = numerics.nx * (numerics.ny + 1)
    potential = [Double](repeating: 0, count: all)
    reservoirRow = [Double](repeating: 0, count: numerics.nx)
    phaseRate = [Double](repeating: 0, count: all)
  }

  /// Full-grid c (rows 0…Ny) from the lifted field on rows 0…Ny−1.
  public func concentration(from w: [Double]) -> [Double] {
    let c0 = physics.referenceConcentration, interior = w.count, total = nx * (intervals + 1)
    return [Double](unsafeUninitializedCapacity: total) { c, initialized in
      w.withUnsafeBufferPointer { w in
        ParallelWork.forEachChunk(interior, minimumChunk: ParallelWork.minimumNodesPerChunk) { range in
          for k in range { c[k] = w[k] + c0 }
        }
      }
      for k in interior..<total { c[k] = c0 }
      initialized = total
    }
  }

  public func explicitPart(_ w: [Double], time: Double, into hat: inout [Double]) {
    transform.forward(into: &hat) { evaluate(w, dt: nil, into: $0) }
  }

  /// w + Δt·N(w) on rows 0…Ny−1: the explicit terms and the state in one transform (IMEX Euler).
  public func writeExplicitUpdate(_ w: [Double], time: Double, dt: Double,
                                  into field: UnsafeMutableBufferPointer<Double>) {
    evaluate(w, dt: dt, into: field)
  }

  /// Writes N(w) on rows 0…Ny−1, or w + Δt·N(w) when `dt` is given. c = w + c0 is formed per
  /// neighbour as it is read (the row above the last is the reservoir, w = 0).
  private func evaluate(_ w: [Double], dt: Double?, into out: UnsafeMutableBufferPointer<Double>) {
    let c0 = physics.referenceConcentration
    let hx = transform.spacingX, hy = transform.spacingY
    let cs = physics.siteDensity, fOverRT = physics.fOverRT
    let lowerD = physics.diffusivity, upperD = physics.upperDiffusivity ?? physics.diffusivity
    let implicitD = max(lowerD, upperD), layerStart = self.layerStart
    func faceD(_ y: Double) -> Double { y >= layerStart ? upperD : lowerD }
    let step = dt ?? 0, update = dt != nil
    let nx = self.nx
    potential.withUnsafeBufferPointer { phi in
    phaseRate.withUnsafeBufferPointer { rate in
    reservoirRow.withUnsafeBufferPointer { reservoir in
    w.withUnsafeBufferPointer { w in
      guard let wBase = w.baseAddress, let reservoirBase = reservoir.baseAddress, let phi = phi.baseAddress,
        let rate = rate.baseAddress, let out = out.baseAddress
      else { return }
      // rows are independent (each writes only its own row of `out`): split over the threads
      ParallelWork.forEachChunk(intervals, minimumChunk: 8) { chunk in
      for j in chunk {
        let row = j * nx
        let here = wBase + row
        let above = j + 1 < intervals ? here + nx : reservoirBase
        let below = j == 0 ? above : here - nx  // mirror at the Li electrode
        let dRow = faceD(Double(j) * hy), dNorth = faceD((Double(j) + 0.5) * hy)
        let dSouth = j == 0 ? dNorth : faceD((Double(j) - 0.5) * hy)
        // Per face: migration D c_face (F/RT) Δφ/h² (c_face = half the node sum) and the
        // diffusion correction (D − D_max) Δc/h²; reciprocals so the node loop has no division.
        let ax = 0.5 * dRow * fOverRT / (hx * hx)
        let an = 0.5 * dNorth * fOverRT / (hy * hy), aS = 0.5 * dSouth * fOverRT / (hy * hy)
        let gx = (dRow - implicitD) / (hx * hx)
        let gn = (dNorth - implicitD) / (hy * hy), gs = (dSouth - implicitD) / (hy * hy)
        let layered = gx != 0 || gn != 0 || gs != 0
        let rowPhi = phi + row, phiNorth = phi + row + nx, phiSouth = j == 0 ? phiNorth : phi + row - nx
        let rowRate = rate + row, target = out + row
        // the node's flux balance; the periodic end columns pass their wrapped neighbours
        @inline(__always) func force(_ i: Int, east: Int, west: Int) -> Double {
          let ck = here[i] + c0, cNorth = above[i] + c0, cSouth = below[i] + c0
          let cEast = here[east] + c0, cWest = here[west] + c0
          let pk = rowPhi[i]
          let up = (ck + cNorth) * (phiNorth[i] - pk), down = (cSouth + ck) * (pk - phiSouth[i])
          var divergence = ax * ((ck + cEast) * (rowPhi[east] - pk) - (cWest + ck) * (pk - rowPhi[west]))
            + (an == aS ? an * (up - down) : an * up - aS * down)
          if layered {
            divergence += gx * (cEast - 2 * ck + cWest) + gn * (cNorth - ck) - gs * (ck - cSouth)
          }
          return divergence - cs * rowRate[i]
        }
        @inline(__always) func write(_ i: Int, east: Int, west: Int) {
          let f = force(i, east: east, west: west)
          target[i] = update ? here[i] + step * f : f
        }
        write(0, east: 1, west: nx - 1)
        // the interior columns two at a time (nx − 2 of them, an even number): the same sums
        for i in stride(from: 1, to: nx - 1, by: 2) {
          let ck: SIMD2<Double> = here.pair(at: i) + c0
          let cNorth: SIMD2<Double> = above.pair(at: i) + c0, cSouth: SIMD2<Double> = below.pair(at: i) + c0
          let cEast: SIMD2<Double> = here.pair(at: i + 1) + c0, cWest: SIMD2<Double> = here.pair(at: i - 1) + c0
          let pk: SIMD2<Double> = rowPhi.pair(at: i)
          let up: SIMD2<Double> = (ck + cNorth) * (phiNorth.pair(at: i) - pk)
          let down: SIMD2<Double> = (cSouth + ck) * (pk - phiSouth.pair(at: i))
          let eastFlux: SIMD2<Double> = (ck + cEast) * (rowPhi.pair(at: i + 1) - pk)
          let westFlux: SIMD2<Double> = (cWest + ck) * (pk - rowPhi.pair(at: i - 1))
          let vertical: SIMD2<Double> = an == aS ? an * (up - down) : an * up - aS * down
          var divergence: SIMD2<Double> = ax * (eastFlux - westFlux) + vertical
          if layered {
            let lateral: SIMD2<Double> = gx * (cEast - 2 * ck + cWest)
            divergence += lateral + gn * (cNorth - ck) - gs * (ck - cSouth)
          }
          let f: SIMD2<Double> = divergence - cs * rowRate.pair(at: i)
          target.setPair(update ? here.pair(at: i) + step * f : f, at: i)
        }
        write(nx - 1, east: 0, west: nx - 2)
      }
      }
    }
    }
    }
    }
  }
}
