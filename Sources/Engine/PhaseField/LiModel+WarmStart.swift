extension LiModel {
  /// The warm start of the potential solve of a step of length `dt` from `state`: φ at
  /// tⁿ + Δt extrapolated from the last solved potentials by the Lagrange polynomial through
  /// them — quadratic through φⁿ, φⁿ⁻¹, φⁿ⁻² when all three exist, linear
  /// φⁿ + (Δt/Δtⁿ)(φⁿ − φⁿ⁻¹) with two, φⁿ with one. φ follows the slowly moving interface and
  /// deposition rate, so the extrapolation leaves a much smaller initial residual than φⁿ and
  /// CG needs fewer iterations. It is only a starting point: the converged φ meets the same
  /// tolerance from any start.
  static func extrapolatedPotential(_ state: LiModelState, dt: Double) -> [Double] {
    let n = state.potential.count
    guard let previous = state.previousPotential, let h1 = state.previousDt, h1 > 0, previous.count == n
    else { return state.potential }
    var guess = state.potential
    if let older = state.olderPotential, let h2 = state.olderDt, h2 > 0, older.count == n {
      // nodes at τ = 0, −h1, −(h1 + h2); evaluated at τ = Δt
      let w0 = (dt + h1) * (dt + h1 + h2) / (h1 * (h1 + h2))
      let w1 = -dt * (dt + h1 + h2) / (h1 * h2)
      let w2 = dt * (dt + h1) / ((h1 + h2) * h2)
      previous.withUnsafeBufferPointer { p1 in
      older.withUnsafeBufferPointer { p2 in
      guess.withUnsafeMutableBufferPointer { g in
        for k in 0..<n { g[k] = w0 * g[k] + w1 * p1[k] + w2 * p2[k] }
      }
      }
      }
      return guess
    }
    let ratio = dt / h1
    previous.withUnsafeBufferPointer { previous in
      guess.withUnsafeMutableBufferPointer { guess in
        for k in 0..<n { guess[k] += ratio * (guess[k] - previous[k]) }
      }
    }
    return guess
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
    guard let current = state.strain, let previous = state.previousStrain, let h1 = state.strainDt,
      let h2 = state.previousStrainDt, h1 > 0, h2 > 0, current.count == 3, previous.count == 3,
      zip(current, previous).allSatisfy({ $0.count == $1.count })
    else { return nil }
    if let older = state.olderStrain, let h3 = state.olderStrainDt, h3 > 0, older.count == 3,
      zip(current, older).allSatisfy({ $0.count == $1.count })
    {
      // nodes at τ = 0, −h2, −(h2 + h3); evaluated at τ = h1
      let w0 = (h1 + h2) * (h1 + h2 + h3) / (h2 * (h2 + h3))
      let w1 = -h1 * (h1 + h2 + h3) / (h2 * h3)
      let w2 = h1 * (h1 + h2) / ((h2 + h3) * h3)
      return (0..<3).map { m in
        current[m].withUnsafeBufferPointer { c in
          previous[m].withUnsafeBufferPointer { p in
            older[m].withUnsafeBufferPointer { o in
              [Double](unsafeUninitializedCapacity: c.count) { guess, initialized in
                for k in 0..<c.count { guess[k] = w0 * c[k] + w1 * p[k] + w2 * o[k] }
                initialized = c.count
              }
            }
          }
        }
      }
    }
    let ratio = h1 / h2
    return zip(current, previous).map { current, previous in
      current.withUnsafeBufferPointer { c in
        previous.withUnsafeBufferPointer { p in
          [Double](unsafeUninitializedCapacity: c.count) { guess, initialized in
            for k in 0..<c.count { guess[k] = c[k] + ratio * (c[k] - p[k]) }
            initialized = c.count
          }
        }
      }
    }
  }
}
