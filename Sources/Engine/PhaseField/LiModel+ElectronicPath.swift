import Formats
import Foundation

/// The electronic-path variant's parts of `LiModel` (`ElectronicPath` states the equations):
/// its construction and initial state, the two pieces of a step, and what a run reports.
extension LiModel {
  /// The variant for `settings`, or nil when there is none or its electrolyte carries no
  /// electrons (σ_n,el = 0: the single-potential model, exactly). A fresh run (step 0) gets φₑ
  /// linear between the electrodes and no bulk deposit; a restarted one must bring its own.
  static func electronicPath(_ settings: ElectronicPathSettings?, physics: LiModelPhysics, numerics: LiModelNumerics,
                             state: inout LiModelState) throws -> ElectronicPath? {
    guard let settings, settings.isActive else {
      guard state.electronic == nil else {
        throw InputError("the state carries an electronic potential but the config has no active [electronic] table")
      }
      return nil
    }
    let nx = numerics.nx, nodes = nx * (numerics.ny + 1)
    if let electronic = state.electronic {
      guard electronic.potential.count == nodes, electronic.bulkDeposit.count == nodes else {
        throw InputError("state electronic potential and bulk deposit must have \(nodes) values")
      }
    } else if state.step == 0 {
      var phi = [Double](repeating: 0, count: nodes)
      for j in 0...numerics.ny {
        let value = physics.electrodePotential * (1 - Double(j) / Double(numerics.ny))
        for i in 0..<nx { phi[j * nx + i] = value }
      }
      state.electronic = ElectronicPathState(potential: phi, bulkDeposit: [Double](repeating: 0, count: nodes))
    } else {
      throw InputError("the config has an [electronic] table but the state at step \(state.step) has no electronic potential (a checkpoint of a single-potential run)")
    }
    return ElectronicPath(settings: settings, physics: physics, numerics: numerics)
  }

  /// Adds Δt·R_b (old φₑ, φ, c, ξ) to the new ξ and updates the step's rate and largest change
  /// to include it; returns R_b.
  func addBulkDeposition(_ path: ElectronicPath, electronic: ElectronicPathState, old: LiModelState, dt: Double,
                         to xi: inout [Double], rate: inout [Double], maxChange: inout Double) -> [Double] {
    let bulk = path.bulkRate(xi: old.xi, electronicPotential: electronic.potential, potential: old.potential,
                             concentration: old.concentration)
    for k in 0..<min(xi.count, bulk.count) where bulk[k] != 0 { xi[k] += dt * bulk[k] }
    maxChange = Self.change(from: old.xi, to: xi, dt: dt, rate: &rate)
    return bulk
  }

  /// φₑ of the new ξ and ∂ξ/∂t, and the bulk deposit advanced by Δt·R_b.
  func solveElectronicPotential(_ path: ElectronicPath, electronic: ElectronicPathState, xi: [Double], rate: [Double],
                                bulkRate: [Double], dt: Double) -> ElectronicPathState {
    var deposit = electronic.bulkDeposit
    for k in 0..<min(deposit.count, bulkRate.count) where bulkRate[k] != 0 { deposit[k] += dt * bulkRate[k] }
    let solution = path.solve(xi: xi, bulkDeposit: deposit, rate: rate, guess: electronic.potential)
    var next = ElectronicPathState(potential: solution.phi, bulkDeposit: deposit)
    next.iterations = solution.iterations
    next.residual = solution.converged ? solution.relativeResidual : .nan
    return next
  }

  /// Throws when the φₑ solve did not converge or produced a non-finite value.
  func checkElectronic(_ electronic: ElectronicPathState?, step: Int, time: Double) throws {
    guard let electronic else { return }
    guard !electronic.residual.isNaN else {
      throw LiModelDivergence(step: step, time: time, reason: "the electronic potential φₑ did not converge")
    }
    guard FieldExtremes(electronic.potential).allFinite, FieldExtremes(electronic.bulkDeposit).allFinite else {
      throw LiModelDivergence(step: step, time: time, reason: "φₑ or the bulk deposit non-finite")
    }
  }

  /// Whether this model runs the electronic-path variant.
  public var hasElectronicPath: Bool { electronicPath != nil }

  /// σ_n on every node (S/m) of the current state (the one its φₑ was solved with), nil
  /// without the electronic path.
  public func electronicConductivity() -> [Double]? {
    guard let path = electronicPath, let e = state.electronic else { return nil }
    return path.conductivity(state.xi, bulkDeposit: e.bulkDeposit)
  }

  /// Electronic current density at the counter electrode (A/m², positive into the cell, as
  /// `LiStepDiagnostics.current`): the leakage through the electrolyte plus what feeds bulk
  /// reduction; nil without the electronic path.
  public func electronicCurrent() -> Double? {
    guard let sigma = electronicConductivity(), let e = state.electronic else { return nil }
    let rows = ElectronicPath.rowCurrents(sigma: sigma, phi: e.potential, numerics: numerics)
    return rows.last.map { $0 / numerics.lengthX }
  }

  /// Li reduced inside the electrolyte so far, ∫c_s·(bulk deposit) dA per unit depth (mol/m),
  /// trapezoid rule in y; nil without the electronic path.
  public func bulkLithium() -> Double? {
    guard let e = state.electronic else { return nil }
    let nx = numerics.nx
    var sum = 0.0
    for j in 0...numerics.ny {
      var row = 0.0
      for i in 0..<nx { row += e.bulkDeposit[j * nx + i] }
      sum += rowWeight(j) * row
    }
    return sum * numerics.spacingX * numerics.spacingY * physics.siteDensity
  }
}
