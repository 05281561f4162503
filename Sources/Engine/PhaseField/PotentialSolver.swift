/// Solves ∇·(σ∇φ) = f on a node grid periodic in x with φ = φ_bottom at y = 0 and φ = φ_top at
/// y = Ly (the electrodes). Units: σ in S/m, φ in V, f in A/m³ (for the Li model
/// f = F·c_s·∂ξ/∂t). Method: conjugate gradients on the SPD finite-volume operator
/// −∇·(σ∇·) (harmonic-mean face conductivities), preconditioned by one symmetric geometric
/// black-box multigrid V(1,1)-cycle (`Multigrid`: operator-dependent interpolation, Galerkin
/// coarse operators, symmetric Gauss–Seidel), warm-started from the previous solution. The
/// multigrid preconditioner keeps the iteration count independent of the conductivity
/// contrast (checked up to 1e5 in the tests); plain CG would need O(√contrast·N) iterations.
public struct PotentialSolver: Sendable {
  public var nx: Int
  public var intervals: Int
  public var lengthX: Double
  public var lengthY: Double
  public var tolerance: Double
  public var maxIterations: Int

  public struct Result: Sendable {
    /// φ on all nodes, rows j = 0…Ny (row-major, nx per row).
    public var phi: [Double]
    public var iterations: Int
    /// Final max|r_i/A_ii| / max|b_i/A_ii| (Jacobi-scaled ∞-norm: a potential error relative
    /// to the applied potentials).
    public var relativeResidual: Double
    public var converged: Bool
  }

  public init(nx: Int, intervals: Int, lengthX: Double, lengthY: Double,
              tolerance: Double = 1e-9, maxIterations: Int = 200) {
    self.nx = nx
    self.intervals = intervals
    self.lengthX = lengthX
    self.lengthY = lengthY
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }

  var hx: Double { lengthX / Double(nx) }
  var hy: Double { lengthY / Double(intervals) }

  /// Builds the finest level from node conductivities (nx × (Ny+1), rows j = 0…Ny).
  func finestLevel(sigma: [Double]) -> PotentialLevel {
    PotentialLevel(nx: nx, intervals: intervals, hx: hx, hy: hy, sigma: sigma)
  }

  /// - Parameters:
  ///   - sigma: node conductivities (S/m), all rows.
  ///   - source: f on all nodes (only interior rows are used).
  ///   - initialGuess: previous φ on all nodes (warm start), or nil for a linear profile.
  public func solve(sigma: [Double], source: [Double], bottom: Double, top: Double,
                    initialGuess: [Double]? = nil) -> Result {
    solve(fine: finestLevel(sigma: sigma), source: source, bottom: bottom, top: top, initialGuess: initialGuess,
          preconditioner: nil)
  }

  /// The multigrid preconditioner built from node conductivities `sigma`. Any SPD
  /// preconditioner gives the same converged φ, so one built from an earlier σ may be reused
  /// while it keeps the iteration count low (`LiModel` does, and stores that σ in checkpoints).
  func preconditioner(sigma: [Double]) -> Multigrid { Multigrid(fine: finestLevel(sigma: sigma)) }

  /// Makes `multigrid`, the preconditioner of node conductivities `previous`, the one of
  /// `sigma` (`preconditioner(sigma:)` number for number), recomputing only the rows that
  /// depend on the node rows where the two differ (bit patterns compared, so a NaN counts as
  /// changed). Node row j enters the faces j−1 (below) and j (above) and the east faces of
  /// unknown row j−1, so the stencils of unknown rows j−2…j change. `fine` is
  /// `finestLevel(sigma: sigma)` when the caller has built it already (the step's solve has).
  func updatePreconditioner(_ multigrid: inout Multigrid, from previous: [Double], to sigma: [Double],
                            fine: PotentialLevel? = nil) {
    let nodeRows = intervals + 1
    guard previous.count == nx * nodeRows, sigma.count == previous.count else {
      multigrid = preconditioner(sigma: sigma)
      return
    }
    let nx = self.nx
    func differs(_ j: Int) -> Bool {
      previous.withUnsafeBufferPointer { a in
        sigma.withUnsafeBufferPointer { b in
          for i in (j * nx)..<((j + 1) * nx) where a[i].bitPattern != b[i].bitPattern { return true }
          return false
        }
      }
    }
    guard let first = (0..<nodeRows).first(where: differs),
      let last = (first..<nodeRows).reversed().first(where: differs)
    else { return }
    multigrid.update(fine: fine ?? finestLevel(sigma: sigma),
                     changedRows: max(0, first - 2)..<min(intervals - 1, last + 1))
  }

  /// `solve` on the finest level `fine` (`finestLevel(sigma:)`) with a given preconditioner
  /// (nil: built from `fine` when the warm start does not already meet the tolerance) and
  /// f = `sourceScale`·`source` (the Li model passes ∂ξ/∂t and F·c_s, so f needs no array of
  /// its own). CG iterates in the storage of φ: the warm start's own when the caller hands
  /// over its only reference (no copy in, none out).
  func solve(fine: PotentialLevel, source: [Double], sourceScale: Double = 1, bottom: Double, top: Double,
             initialGuess: consuming [Double]?, preconditioner: Multigrid?) -> Result {
    let nx = self.nx, intervals = self.intervals
    var phi: [Double]
    if let guess = initialGuess.take(), guess.count == nx * (intervals + 1) { phi = guess } else {
      phi = [Double](unsafeUninitializedCapacity: nx * (intervals + 1)) { phi, initialized in
        for j in 0...intervals {
          let value = bottom + (top - bottom) * Double(j) / Double(intervals)
          for i in 0..<nx { phi[j * nx + i] = value }
        }
        initialized = nx * (intervals + 1)
      }
    }
    let vectors = preconditioner?.vectors ?? Multigrid.SolverVectors()
    var r = vectors.take(\.r, count: fine.count)
    defer { vectors.r = r }
    let (iterations, residual) = phi.withUnsafeMutableBufferPointer { phi -> (Int, Double) in
      guard let all = phi.baseAddress else { return (0, .nan) }
      for i in 0..<nx {
        all[i] = bottom
        all[intervals * nx + i] = top
      }
      // b = −f + boundary terms of A′ (so that A′φ_interior = b) and r = b − A′x in one pass
      let x = all + nx
      let norms = fine.startConjugateGradient(source: source, sourceScale: sourceScale, bottom: bottom, top: top,
                                              x: x, residual: &r)
      return preconditionedCG(fine: fine, multigrid: preconditioner, vectors: vectors, norms: norms, r: &r, x: x)
    }
    return Result(phi: phi, iterations: iterations, relativeResidual: residual,
                  converged: residual <= tolerance)
  }

  /// PCG from the warm start `x` with its residual `r` and the norms of `startConjugateGradient`;
  /// the multigrid hierarchy (the costly part: Galerkin products) is built only when the warm
  /// start does not already meet the tolerance.
  private func preconditionedCG(fine a: PotentialLevel, multigrid given: Multigrid?,
                                vectors: Multigrid.SolverVectors, norms: (rhsNorm: Double, residualNorm: Double),
                                r: inout [Double], x: UnsafeMutablePointer<Double>) -> (Int, Double)
  {
    // Residuals are measured Jacobi-scaled, max|r_i/A_ii| (a potential, in volts) relative to
    // max|b_i/A_ii|: an unscaled ‖r‖/‖b‖ would be dominated by the huge boundary terms of the
    // metal rows (σ_Li/h²) and would accept potentials that ignore the deposition source.
    let inverseDiagonal = a.inverseDiagonal
    let bNorm = max(norms.rhsNorm, .leastNormalMagnitude)
    // CG's vectors live with the preconditioner and serve every solve it preconditions: fresh
    // 8 MB arrays per solve (at 1024²) cost a zero fill and page faults each
    var z = vectors.take(\.z, count: a.count)
    var p = vectors.take(\.p, count: a.count)
    var ap = vectors.take(\.ap, count: a.count)
    defer {
      vectors.z = z
      vectors.p = p
      vectors.ap = ap
    }
    var rNorm = norms.residualNorm
    if rNorm / bNorm <= tolerance { return (0, rNorm / bNorm) }
    let multigrid = given ?? Multigrid(fine: a)
    // the first direction is z itself: the cycle writes it into p's buffer (no copy)
    multigrid.vCycle(r, into: &p)
    var rz = dot(r, p)
    for iteration in 1...maxIterations {
      let alpha = rz / a.applyWithDot(p, into: &ap)
      // x += αp, r −= αAp and the scaled norm of the new r in one pass (four lanes, so the
      // maximum is no dependency chain; NaN propagates)
      rNorm = Self.advance(x: x, r: &r, p: p, ap: ap, alpha: alpha, inverseDiagonal: inverseDiagonal)
      if rNorm / bNorm <= tolerance || !rNorm.isFinite { return (iteration, rNorm / bNorm) }
      multigrid.vCycle(r, into: &z)
      let rzNew = dot(r, z)
      let beta = rzNew / rz
      rz = rzNew
      xpay(z, beta, &p)
    }
    return (maxIterations, rNorm / bNorm)
  }

  /// Current per unit depth (A/m) entering through the top electrode, Σ σ_face (φ_top − φ_{Ny−1})/hy · hx
  /// (positive when current flows from the top electrode into the domain, i.e. −y).
  public func topCurrent(sigma: [Double], phi: [Double]) -> Double {
    var total = 0.0
    let j = intervals
    for i in 0..<nx {
      let a = sigma[j * nx + i], b = sigma[(j - 1) * nx + i]
      total += 2 * a * b / (a + b) * (phi[j * nx + i] - phi[(j - 1) * nx + i]) / hy * hx
    }
    return total
  }
}

