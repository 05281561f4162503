extension LiModel {
  /// The warm start of the potential solve of a step of length `dt` from `state`: φ at
  /// tⁿ + Δt extrapolated from the last solved potentials by the Lagrange polynomial through
  /// them — quadratic through φⁿ, φⁿ⁻¹, φⁿ⁻² when all three exist, linear
  /// φⁿ + (Δt/Δtⁿ)(φⁿ − φⁿ⁻¹) with two, φⁿ with one. φ follows the slowly moving interface and
  /// deposition rate, so the extrapolation leaves a much smaller initial residual than φⁿ and
  /// CG needs fewer iterations. It is only a starting point: the converged φ meets the same
  /// tolerance from any start.
  static func extrapolatedPotential(_ state: LiModelState, dt: Double) -> [Double] {
    extrapolated(state.potential, previous: state.previousPotential, older: state.olderPotential, ahead: dt,
                 previousStep: state.previousDt, olderStep: state.olderDt) ?? state.potential
  }

  /// A field extrapolated `ahead` in time by the Lagrange polynomial through its last values:
  /// `latest` (τ = 0), `previous` (τ = −h1, h1 = `previousStep`) and `older` (τ = −(h1 + h2),
  /// h2 = `olderStep`). Quadratic when all three exist with positive steps and equal sizes,
  /// linear latest + (ahead/h1)(latest − previous) with two; nil without a usable `previous`.
  /// Exact for fields polynomial in time of that order. The potential's and the strain's warm
  /// starts both use it.
  static func extrapolated(_ latest: [Double], previous: [Double]?, older: [Double]?, ahead: Double,
                           previousStep: Double?, olderStep: Double?) -> [Double]? {
    let n = latest.count
    guard let previous, let h1 = previousStep, h1 > 0, previous.count == n else { return nil }
    // written into a fresh array in one pass (a copy of `latest` updated in place was two)
    if let older, let h2 = olderStep, h2 > 0, older.count == n {
      // nodes at τ = 0, −h1, −(h1 + h2); evaluated at τ = ahead
      let w0 = (ahead + h1) * (ahead + h1 + h2) / (h1 * (h1 + h2))
      let w1 = -ahead * (ahead + h1 + h2) / (h1 * h2)
      let w2 = ahead * (ahead + h1) / ((h1 + h2) * h2)
      return latest.withUnsafeBufferPointer { p0 in
        previous.withUnsafeBufferPointer { p1 in
          older.withUnsafeBufferPointer { p2 in
            [Double](unsafeUninitializedCapacity: n) { g, initialized in
              ParallelWork.forEachChunk(n, minimumChunk: ParallelWork.minimumNodesPerChunk) { range in
                for k in range { g[k] = w0 * p0[k] + w1 * p1[k] + w2 * p2[k] }
              }
              initialized = n
            }
          }
        }
      }
    }
    let ratio = ahead / h1
    return latest.withUnsafeBufferPointer { latest in
      previous.withUnsafeBufferPointer { previous in
        [Double](unsafeUninitializedCapacity: n) { guess, initialized in
          ParallelWork.forEachChunk(n, minimumChunk: ParallelWork.minimumNodesPerChunk) { range in
            for k in range { guess[k] = latest[k] + ratio * (latest[k] - previous[k]) }
          }
          initialized = n
        }
      }
    }
  }
}

extension LiModel {
  /// The warm start of the mechanics solve on the state's ξ (ξⁿ): the strain extrapolated in
  /// time to ξⁿ by the Lagrange polynomial through the last solved strains, as the potential's
  /// warm start does — quadratic through ε(ξⁿ⁻¹), ε(ξⁿ⁻²), ε(ξⁿ⁻³) when all three exist, linear
  /// ε(ξⁿ⁻¹) + (Δtⁿ⁻¹/Δtⁿ⁻²)(ε(ξⁿ⁻¹) − ε(ξⁿ⁻²)) with two; nil with fewer (the caller then
  /// starts from ε(ξⁿ⁻¹) or 0). Δtⁿ⁻¹ = `strainDt` (ξⁿ⁻¹ → ξⁿ), Δtⁿ⁻² = `previousStrainDt`
  /// (ξⁿ⁻² → ξⁿ⁻¹), Δtⁿ⁻³ = `olderStrainDt` (ξⁿ⁻³ → ξⁿ⁻²). Exact for strains polynomial in time
  /// of that order. The strain follows ξ, which moves smoothly, so the guess is O(Δt³) (O(Δt²)
  /// linear) from ε(ξⁿ) instead of the O(Δt) of ε(ξⁿ⁻¹): at 1024² (`sim bench model
  /// --mechanics`) CG takes 4.2 iterations per step from ε(ξⁿ⁻¹), 1.95 from the linear and 1.6
  /// from the quadratic guess. The strains are compatible with zero mean (ε = D u), so any
  /// combination is too, which the solver requires of its start (it only adds D δu); the
  /// converged strain meets the same tolerance from any compatible start.
  static func extrapolatedStrain(_ state: LiModelState) -> [[Double]]? {
    guard let current = state.strain, let previous = state.previousStrain, let h1 = state.strainDt, h1 > 0,
      current.count == 3, previous.count == 3
    else { return nil }
    // the older strain only where all three of its components exist
    let older = state.olderStrain.flatMap { $0.count == 3 ? $0 : nil }
    var guess: [[Double]] = []
    for m in 0..<3 {
      guard let component = extrapolated(current[m], previous: previous[m], older: older?[m], ahead: h1,
                                         previousStep: state.previousStrainDt, olderStep: state.olderStrainDt)
      else { return nil }
      guess.append(component)
    }
    return guess
  }
}

extension LiModel {
  /// Makes the cached potential preconditioner the one of `sigma`. The cached one is that of
  /// `builtFrom` (`state.preconditionerSigma`), so it is updated in place where the two differ
  /// (`PotentialSolver.updatePreconditioner`: the rows around the moving interface) and equals
  /// a fresh build from `sigma`; without a cached one it is built afresh. `fine` is σ's finest
  /// level, which the step's solve has built.
  func rebuildPreconditioner(from builtFrom: [Double]?, to sigma: [Double], fine: PotentialLevel) {
    preconditionerBuilds += 1
    guard var multigrid = cachedPreconditioner, let builtFrom else {
      cachedPreconditioner = Multigrid(fine: fine)
      return
    }
    cachedPreconditioner = nil  // the only reference, so the update writes in place
    potentialSolver.updatePreconditioner(&multigrid, from: builtFrom, to: sigma, fine: fine)
    cachedPreconditioner = multigrid
  }
}
