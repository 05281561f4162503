import Foundation

/// The parts of a Li model step, for timing by a caller that owns a clock (benchmarks).
public enum LiStepPart: String, Sendable, CaseIterable {
  case phaseField = "phase_field", potential, concentration, mechanics
}

/// Receives each part of a step as a closure to run (and time); the default runs it.
public protocol LiStepTimer {
  func measure(_ part: LiStepPart, _ body: () -> Void)
}

struct UntimedStep: LiStepTimer {
  func measure(_ part: LiStepPart, _ body: () -> Void) { body() }
}

extension LiModel {
  /// Advances one step (see the type's contract). Throws `LiModelDivergence` and leaves the
  /// state untouched when any field becomes non-finite or ξ leaves [−0.5, 1.5].
  @discardableResult
  public func step() throws -> LiStepDiagnostics { try step(timer: UntimedStep()) }

  /// `step()` with each part run through `timer`.
  @discardableResult
  public func step(timer: some LiStepTimer) throws -> LiStepDiagnostics {
    let old = state
    let migration = migrationLimit(old.potential)
    var dt = min(numerics.dtMax, old.nextDt, migration)
    dt = max(dt, numerics.dtMin)
    var newXi: [Double] = []
    var maxChange = 0.0
    phaseEquation.overpotential = old.potential
    phaseEquation.concentration = old.concentration
    var elastic: (force: [Double], strain: [[Double]], iterations: Int, maxVonMises: Double)?
    if let mechanics {
      timer.measure(.mechanics) {
        elastic = mechanics.drivingForce(xi: old.xi, previousStrain: Self.extrapolatedStrain(old) ?? old.strain)
      }
    }
    phaseEquation.elasticForce = elastic?.force
    var rate: [Double] = []
    timer.measure(.phaseField) {
    for _ in 0..<12 {
      stepper.advancePhysical(old.xi, into: &newXi, problem: phaseEquation, time: old.time, dt: dt)
      maxChange = Self.change(from: old.xi, to: newXi, dt: dt, rate: &rate)
      if maxChange <= 2 * numerics.maxPhaseChange || dt <= numerics.dtMin { break }
      dt = max(dt / 2, numerics.dtMin)
    }
    }
    // electronic-path variant: Li⁺ reduced inside the electrolyte (LiModel+ElectronicPath)
    var bulkRate: [Double]?
    if let electronicPath, let electronic = old.electronic {
      timer.measure(.phaseField) {
        bulkRate = addBulkDeposition(electronicPath, electronic: electronic, old: old, dt: dt, to: &newXi,
                                     rate: &rate, maxChange: &maxChange)
      }
    }

    var sigma: [Double] = []
    var preconditionerSigma: [Double]?
    var solution = PotentialSolver.Result(phi: [], iterations: 0, relativeResidual: .nan, converged: false)
    timer.measure(.potential) {
      sigma = conductivity(newXi)
      let chargeSource = physics.faraday * physics.siteDensity
      // The preconditioner is a function of `preconditionerSigma`, which the state (and so a
      // checkpoint) carries: every branch below depends only on the state, so a restart
      // takes the same ones.
      preconditionerSigma = old.preconditionerSigma ?? sigma
      if cachedPreconditioner == nil {
        preconditionerBuilds += 1
        cachedPreconditioner = potentialSolver.preconditioner(sigma: preconditionerSigma ?? sigma)
      }
      // the warm start is handed over to the solve, which iterates in it
      // σ's finest level, for the solve and for a preconditioner update alike
      let fine = potentialSolver.finestLevel(sigma: sigma)
      solution = potentialSolver.solve(
        fine: fine, source: rate, sourceScale: chargeSource, bottom: physics.electrodePotential, top: 0,
        initialGuess: Self.extrapolatedPotential(old, dt: dt), preconditioner: cachedPreconditioner)
      if !solution.converged {
        rebuildPreconditioner(from: preconditionerSigma, to: sigma, fine: fine)
        preconditionerSigma = sigma
        solution = potentialSolver.solve(
          fine: fine, source: rate, sourceScale: chargeSource, bottom: physics.electrodePotential, top: 0,
          initialGuess: Self.extrapolatedPotential(old, dt: dt), preconditioner: cachedPreconditioner)
      } else if solution.iterations > Self.preconditionerRebuildIterations {
        // σ has drifted from the preconditioner's: the next step's is built from this σ (this
        // solve has converged; solving again with the new one would only cost)
        rebuildPreconditioner(from: preconditionerSigma, to: sigma, fine: fine)
        preconditionerSigma = sigma
      }
    }

    var electronicState: ElectronicPathState?
    if let electronicPath, let electronic = old.electronic, let bulkRate {
      timer.measure(.potential) {
        electronicState = solveElectronicPotential(electronicPath, electronic: electronic, xi: newXi, rate: rate,
                                                   bulkRate: bulkRate, dt: dt)
      }
      try checkElectronic(electronicState, step: old.step + 1, time: old.time + dt)
    }

    var newC: [Double] = []
    timer.measure(.concentration) {
      concentrationEquation.potential = solution.phi
      concentrationEquation.phaseRate = rate
      let count = numerics.nx * numerics.ny, c0 = physics.referenceConcentration
      let lifted = old.concentration.withUnsafeBufferPointer { c in
        [Double](unsafeUninitializedCapacity: count) { w, initialized in
          ParallelWork.forEachChunk(count, minimumChunk: ParallelWork.minimumNodesPerChunk) { range in
            for k in range { w[k] = c[k] - c0 }
          }
          initialized = count
        }
      }
      var next: [Double] = []
      IMEXEulerStepper().advancePhysical(lifted, into: &next, problem: concentrationEquation, time: old.time, dt: dt)
      newC = concentrationEquation.concentration(from: next)
    }

    let time = old.time + dt
    let xiRange = FieldExtremes(newXi), cRange = FieldExtremes(newC)
    guard xiRange.allFinite, xiRange.minimum > -0.5, xiRange.maximum < 1.5 else {
      throw LiModelDivergence(step: old.step + 1, time: time, reason: "ξ non-finite or outside [−0.5, 1.5]")
    }
    guard cRange.allFinite, FieldExtremes(solution.phi).allFinite,
      elastic.map({ $0.force.allSatisfy(\.isFinite) }) ?? true
    else {
      throw LiModelDivergence(step: old.step + 1, time: time, reason: "c, φ or the elastic driving force non-finite")
    }
    let maxRate = maxChange / dt
    var next = min(numerics.dtMax, 1.25 * dt)
    if maxRate > 0 { next = min(next, numerics.maxPhaseChange / maxRate) }
    state = LiModelState(xi: newXi, concentration: newC, potential: solution.phi, time: time,
                         step: old.step + 1, nextDt: max(next, numerics.dtMin))
    state.strain = elastic?.strain
    if elastic != nil {
      state.strainDt = dt
      // ε(ξⁿ⁻¹) (and ε(ξⁿ⁻²)) move one level back only with the Δt that separates them from
      // the next (a checkpoint from before the extrapolation has the strain but not its Δt)
      if let strain = old.strain, let h = old.strainDt {
        state.previousStrain = strain
        state.previousStrainDt = h
        if let older = old.previousStrain, let h2 = old.previousStrainDt {
          state.olderStrain = older
          state.olderStrainDt = h2
        }
      }
    }
    state.preconditionerSigma = preconditionerSigma
    state.electronic = electronicState
    if old.step > 0 {  // φ⁰ is the initial linear profile, not a solution to extrapolate from
      state.previousPotential = old.potential
      state.previousDt = dt
      state.olderPotential = old.previousPotential
      state.olderDt = old.previousDt
    }
    lastPhaseRate = rate
    let diagnostics = LiStepDiagnostics(
      step: state.step, time: time, dt: dt, minXi: xiRange.minimum, maxXi: xiRange.maximum,
      maxPhaseChange: maxChange, minConcentration: cRange.minimum,
      lithiumTotal: lithiumTotal(), potentialIterations: solution.iterations,
      potentialResidual: solution.relativeResidual,
      current: potentialSolver.topCurrent(sigma: sigma, phi: solution.phi) / numerics.lengthX,
      mechanicsIterations: elastic?.iterations ?? 0, maxVonMises: elastic?.maxVonMises)
    lastDiagnostics = diagnostics
    return diagnostics
  }

  /// max_k |new_k − old_k|, and the rate (new_k − old_k)/Δt written into `rate` in the same
  /// pass (arrays of equal length). The maximum is taken on four lanes with the selection of
  /// `Swift.max` (a NaN difference is passed over), so it is the same number as a sequential
  /// `max` over the differences.
  static func change(from old: [Double], to new: [Double], dt: Double, rate: inout [Double]) -> Double {
    let count = min(old.count, new.count)
    if rate.count != count { rate = [Double](repeating: 0, count: count) }
    return old.withUnsafeBufferPointer { old in
      new.withUnsafeBufferPointer { new in
        rate.withUnsafeMutableBufferPointer { rate in
          guard let a = old.baseAddress, let b = new.baseAddress, let out = rate.baseAddress else { return 0 }
          // split over the threads in blocks of whole lane groups; the maximum of the blocks'
          // maxima is the same number (a maximum is exact in any order)
          return ParallelWork.maximum(count / 4, minimumChunk: 4096) { blocks in
          var lanes = SIMD4<Double>(repeating: 0)
          let whole = blocks.upperBound == count / 4 ? count & ~3 : 4 * blocks.upperBound
          var k = 4 * blocks.lowerBound
          while k < whole {
            let difference = VectorReductions.load4(b + k) - VectorReductions.load4(a + k)
            UnsafeMutableRawPointer(out + k).storeBytes(of: difference / dt, as: SIMD4<Double>.self)
            let size = VectorReductions.abs4(difference)
            lanes.replace(with: size, where: size .>= lanes)
            k += 4
          }
          var largest = 0.0
          for lane in 0..<4 { largest = max(largest, lanes[lane]) }
          if blocks.upperBound == count / 4 {  // the last block takes the tail
            while k < count {
              let difference = b[k] - a[k]
              out[k] = difference / dt
              largest = max(largest, abs(difference))
              k += 1
            }
          }
          return largest
          }
        }
      }
    }
  }
}
