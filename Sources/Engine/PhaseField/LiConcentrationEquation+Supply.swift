extension LiConcentrationEquation {
  /// The c that one step of equation 2 without its deposition sink leaves: c* = c after Δt of
  /// transport alone (implicit diffusion, explicit migration in the potential φ, exactly the
  /// discretisation of the model's c step) on every node (rows 0…Ny; c = c0 on row Ny).
  /// c* = cⁿ + Δt·S + O(Δt²) with S the Li⁺ that transport brings, and it is as stable as the
  /// c step itself. The ξ equation's deposition term takes its c̃ from it
  /// (`LiPhaseFieldEquation.transportedConcentration`). Leaves `potential` set to φ.
  public func transported(concentration c: [Double], potential phi: [Double], time: Double, dt: Double) -> [Double] {
    let nx = self.nx, rows = intervals, c0 = physics.referenceConcentration
    let total = nx * (rows + 1)
    precondition(c.count == total && phi.count == total, "c and φ on all nodes")
    potential = phi
    let rate = phaseRate
    phaseRate = [Double](repeating: 0, count: total)  // no deposition
    defer { phaseRate = rate }
    let lifted = [Double](unsafeUninitializedCapacity: nx * rows) { w, initialized in
      for k in 0..<(nx * rows) { w[k] = c[k] - c0 }
      initialized = nx * rows
    }
    var next: [Double] = []
    IMEXEulerStepper().advancePhysical(lifted, into: &next, problem: self, time: time, dt: dt)
    return concentration(from: next)
  }
}
