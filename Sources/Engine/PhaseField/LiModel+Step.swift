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
    timer.measure(.phaseField) {
    for _ in 0..<12 {
      stepper.advancePhysical(old.xi, into: &newXi, problem: phaseEquation, time: old.time, dt: dt)
      maxChange = Self.maxDifference(newXi, old.xi)
      if maxChange <= 2 * numerics.maxPhaseChange || dt <= numerics.dtMin { break }
      dt = max(dt / 2, numerics.dtMin)
    }
    }
    let rate = newXi.withUnsafeBufferPointer { new in
      old.xi.withUnsafeBufferPointer { previous in
        [Double](unsafeUninitializedCapacity: new.count) { rate, initialized in
          for k in 0..<new.count { rate[k] = (new[k] - previous[k]) / dt }
          initialized = new.count
        }
      }
    }

    var sigma: [Double] = []
    var preconditionerSigma: [Double]?
    var solution = PotentialSolver.Result(phi: [], iterations: 0, relativeResidual: .nan, converged: false)
    timer.measure(.potential) {
      sigma = conductivity(newXi)
      let chargeSource = physics.faraday * physics.siteDensity
      let source = rate.map { chargeSource * $0 }
      // The preconditioner is a function of `preconditionerSigma`, which the state (and so a
      // checkpoint) carries: every branch below depends only on the state, so a restart
      // takes the same ones.
      preconditionerSigma = old.preconditionerSigma ?? sigma
      if cachedPreconditioner == nil {
        preconditionerBuilds += 1
        cachedPreconditioner = potentialSolver.preconditioner(sigma: preconditionerSigma ?? sigma)
      }
      let guess = Self.extrapolatedPotential(old, dt: dt)
      solution = potentialSolver.solve(
        sigma: sigma, source: source, bottom: physics.electrodePotential, top: 0,
        initialGuess: guess, preconditioner: cachedPreconditioner)
      if !solution.converged {
        rebuildPreconditioner(from: preconditionerSigma, to: sigma)
        preconditionerSigma = sigma
        solution = potentialSolver.solve(
          sigma: sigma, source: source, bottom: physics.electrodePotential, top: 0,
          initialGuess: guess, preconditioner: cachedPreconditioner)
      } else if solution.iterations > Self.preconditionerRebuildIterations {
        // σ has drifted from the preconditioner's: the next step's is built from this σ (this
        // solve has converged; solving again with the new one would only cost)
        rebuildPreconditioner(from: preconditionerSigma, to: sigma)
        preconditionerSigma = sigma
      }
    }

    var newC: [Double] = []
    timer.measure(.concentration) {
      concentrationEquation.potential = solution.phi
      concentrationEquation.phaseRate = rate
      let count = numerics.nx * numerics.ny, c0 = physics.referenceConcentration
      let lifted = old.concentration.withUnsafeBufferPointer { c in
        [Double](unsafeUninitializedCapacity: count) { w, initialized in
          for k in 0..<count { w[k] = c[k] - c0 }
          initialized = count
        }
      }
      var next: [Double] = []
      IMEXEulerStepper().advancePhysical(lifted, into: &next, problem: concentrationEquation, time: old.time, dt: dt)
      newC = concentrationEquation.concentration(from: next)
    }

    let time = old.time + dt
    let xiRange = FieldRange(newXi), cRange = FieldRange(newC)
    guard xiRange.allFinite, xiRange.minimum > -0.5, xiRange.maximum < 1.5 else {
      throw LiModelDivergence(step: old.step + 1, time: time, reason: "ξ non-finite or outside [−0.5, 1.5]")
    }
    guard cRange.allFinite, FieldRange(solution.phi).allFinite,
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

  /// max_k |a_k − b_k| (arrays of equal length).
  static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        var largest = 0.0
        for k in 0..<min(a.count, b.count) { largest = max(largest, abs(a[k] - b[k])) }
        return largest
      }
    }
  }
}
