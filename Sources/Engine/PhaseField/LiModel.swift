import Formats
import Foundation

/// The Li dendrite model of paper.md (equations 1–4, mechanics optional) on a uniform node grid
/// periodic in x with the electrodes at y = 0 and y = Ly.
/// One step (Δt adaptive):
/// 0. with mechanics: the strain of ξⁿ (`LiModelMechanics`) and its driving force ∂f_els/∂ξ.
/// 1. ξ: one IMEX Euler step (the only stepper the model runs, `stepperRefusal`) of
///    `LiPhaseFieldEquation` with η = φ − E_eq (E_eq = 0) and c from the previous step.
/// 2. ∂ξ/∂t = (ξⁿ⁺¹ − ξⁿ)/Δt; potential ∇·(σ_eff∇φ) = F·c_s·∂ξ/∂t, σ_eff = h(ξ)σ_Li + (1 − h)σ_e,
///    by multigrid-preconditioned CG (`PotentialSolver`) warm-started from φ extrapolated in time
///    (`extrapolatedPotential`); the preconditioner is reused while CG needs ≤ 1 iteration,
///    then updated in place to the current σ (`rebuildPreconditioner`: only the rows around the
///    moving interface are recomputed).
/// 3. c: one IMEX Euler step of `LiConcentrationEquation` with the new φ and ∂ξ/∂t.
/// Δt: min(Δt_max, 1.25·Δt_prev, maxPhaseChange/max|∂ξ/∂t|, migrationCourant·h/max|v_drift|),
/// at least Δt_min; a step whose |Δξ| exceeds twice the limit is redone with half the Δt.
/// The grid passes and transforms run on `ParallelWork.threads` threads with the same numbers
/// for any count (the potential's Gauss–Seidel multigrid and CG stay on the calling thread).
public final class LiModel {
  public let physics: LiModelPhysics
  public let numerics: LiModelNumerics
  public internal(set) var state: LiModelState
  let phaseEquation: LiPhaseFieldEquation
  let concentrationEquation: LiConcentrationEquation
  let potentialSolver: PotentialSolver
  let stepper: any SpectralStepper
  public internal(set) var lastDiagnostics: LiStepDiagnostics?
  /// Wall-clock split of the last step is measured by callers; these count the work.
  public internal(set) var lastPhaseRate: [Double]

  /// The coupled mechanics (nil when switched off).
  let mechanics: LiModelMechanics?
  /// The electronic-path variant (`ElectronicPath`; nil: the single-potential model).
  let electronicPath: ElectronicPath?
  /// The preconditioner built from `state.preconditionerSigma` (rebuilt lazily after a restart).
  var cachedPreconditioner: Multigrid?
  /// How many potential preconditioners this model has built (for benchmarks).
  public internal(set) var preconditionerBuilds = 0
  /// Build the next step's potential preconditioner from the current σ when CG with the reused
  /// one needed more iterations than this. With the extrapolated warm start a fresh one solves
  /// in 0–1 iterations; one built a few steps back in 2 (1024² bench: 1.0 iterations per step
  /// at 1, 1.2 at 2, 3.0 at 8). A build costs about three iterations.
  static let preconditionerRebuildIterations = 1
  /// The result arrays of `runFFTFloorTransforms` (ξ grid, c grid), kept so the floor times
  /// transforms, not allocation.
  var floorScratch: ([Double], [Double]) = ([], [])

  public init(physics: LiModelPhysics, numerics: LiModelNumerics, state: LiModelState,
              mechanics settings: SimulationConfig.MechanicsSettings? = nil,
              electronic: ElectronicPathSettings? = nil) throws {
    try Self.validate(numerics)
    let nodes = numerics.nx * (numerics.ny + 1)
    guard state.xi.count == nodes, state.concentration.count == nodes, state.potential.count == nodes
    else {
      throw InputError("state arrays must have \(nodes) values (\(numerics.nx) × \(numerics.ny + 1) nodes)")
    }
    var initial = state
    electronicPath = try Self.electronicPath(electronic, physics: physics, numerics: numerics, state: &initial)
    self.physics = physics
    self.numerics = numerics
    self.state = initial
    stepper = try StepperRegistry.stepper(named: numerics.stepper)
    phaseEquation = LiPhaseFieldEquation(physics: physics, numerics: numerics)
    concentrationEquation = LiConcentrationEquation(physics: physics, numerics: numerics)
    potentialSolver = PotentialSolver(nx: numerics.nx, intervals: numerics.ny, lengthX: numerics.lengthX,
                                      lengthY: numerics.lengthY, tolerance: numerics.potentialTolerance)
    lastPhaseRate = [Double](repeating: 0, count: nodes)
    if let settings, settings.enabled {
      let m = LiModelMechanics(settings: settings, physics: physics, numerics: numerics)
      for strain in [state.strain, state.previousStrain, state.olderStrain].compactMap({ $0 }) {
        guard strain.count == 3, strain.allSatisfy({ $0.count == numerics.nx * numerics.ny }) else {
          throw InputError("state strain must have 3 components of \(numerics.nx * numerics.ny) values")
        }
      }
      mechanics = m
    } else {
      mechanics = nil
    }
  }

  static func validate(_ n: LiModelNumerics) throws {
    guard n.nx >= 8, n.nx % 2 == 0 else { throw InputError("grid nx must be an even number ≥ 8, got \(n.nx)") }
    guard n.ny >= 8, n.ny % 2 == 0 else { throw InputError("grid ny must be an even number ≥ 8, got \(n.ny)") }
    guard n.lengthX > 0, n.lengthY > 0 else { throw InputError("domain lengths must be positive") }
    guard n.dtMin > 0, n.dtMax >= n.dtMin else { throw InputError("need 0 < dt_min ≤ dt_max") }
    guard n.maxPhaseChange > 0, n.migrationCourant > 0 else {
      throw InputError("max_phase_change and migration_courant must be positive")
    }
    if let refusal = stepperRefusal(n.stepper) { throw InputError(refusal) }
  }

  /// Why the Li model refuses the stepper called `name` (nil: it runs it). The model runs IMEX
  /// Euler only: its step is a sequential splitting (ξ with the previous step's c and φ, then φ,
  /// then c with the new ξ), which is first order in Δt whatever the ξ stepper, and its Δt
  /// changes every step, where SBDF2's fixed-step coefficients do not hold. A second-order
  /// stepper here would need variable-step SBDF2 coefficients, extrapolated coupling fields and
  /// its history in the checkpoint; until then a config that asks for one is refused, never
  /// run as Euler. (The PFHub 7a benchmark, a single equation at fixed Δt, runs SBDF2.)
  public static func stepperRefusal(_ name: String) -> String? {
    guard let stepper = try? StepperRegistry.stepper(named: name) else {
      return "unknown stepper '\(name)'; the Li model runs 'euler'"
    }
    if stepper is IMEXEulerStepper { return nil }
    return "stepper '\(name)' is not supported by the Li model, which runs only 'euler' (IMEX Euler, "
      + "adaptive Δt; its coupling of ξ, φ and c is first order in Δt, so a second-order ξ stepper would "
      + "not make the model second order); remove the key or set stepper = \"euler\""
  }

  /// The state at t = 0: ξ from the nucleus, c = c0, φ linear between the electrodes.
  public static func initialState(physics: LiModelPhysics, numerics: LiModelNumerics,
                                  nucleus: LiNucleus) -> LiModelState {
    let xi = nucleus.initialPhase(numerics: numerics, width: physics.interfaceWidth)
    let nx = numerics.nx, rows = numerics.ny + 1
    let c = [Double](repeating: physics.referenceConcentration, count: nx * rows)
    var phi = [Double](repeating: 0, count: nx * rows)
    for j in 0..<rows {
      let value = physics.electrodePotential * (1 - Double(j) / Double(numerics.ny))
      for i in 0..<nx { phi[j * nx + i] = value }
    }
    return LiModelState(xi: xi, concentration: c, potential: phi, nextDt: numerics.dtMin * 10)
  }

  /// The spectral transforms one step executes: the IMEX Euler steps of ξ and of c each take
  /// one forward transform of u + Δt·N, written straight into the transform's input, and one
  /// inverse from its spectrum buffer (`PhysicalSpaceExplicitProblem`), on the ξ grid (rows 0…Ny)
  /// and the c grid (rows 0…Ny−1). Benchmarks time these as the FFT floor: the same transforms
  /// with the field copied in as the only other work.
  public func runFFTFloorTransforms() {
    func roundTrip(_ transform: SpectralTransform2D, _ field: [Double], into back: inout [Double]) {
      field.withUnsafeBufferPointer { source in
        transform.forwardIntoSpectrumBuffer { input in
          for k in 0..<input.count { input[k] = source[k] }
        }
      }
      transform.inverseOfSpectrumBuffer(into: &back)
    }
    roundTrip(phaseEquation.transform, state.xi, into: &floorScratch.0)
    roundTrip(concentrationEquation.transform, state.concentration, into: &floorScratch.1)
  }

  /// σ_eff on every node; the upper layer (model 3) from layerHeight·Ly up.
  public func conductivity(_ xi: [Double]) -> [Double] {
    let nx = numerics.nx, p = physics, rows = numerics.ny + 1
    precondition(xi.count == nx * rows, "ξ must cover the node grid")
    return xi.withUnsafeBufferPointer { xi in
      [Double](unsafeUninitializedCapacity: nx * rows) { buffer, initialized in
        guard let sigma = buffer.baseAddress else { return }
        // rows are independent: split over the threads
        ParallelWork.forEachChunk(rows, minimumChunk: 8) { chunk in
        for j in chunk {
          let upper = Double(j) * numerics.spacingY >= p.layerHeight * numerics.lengthY
          let metal = upper ? (p.upperSigmaMetal ?? p.sigmaMetal) : p.sigmaMetal
          let electrolyte = upper ? (p.upperSigmaElectrolyte ?? p.sigmaElectrolyte) : p.sigmaElectrolyte
          let row = j * nx
          for i in 0..<nx {
            let x = min(max(xi[row + i], 0), 1)
            let h = x * x * x * (6 * x * x - 15 * x + 10)
            sigma[row + i] = h * metal + (1 - h) * electrolyte
          }
        }
        }
        initialized = nx * rows
      }
    }
  }

  /// The migration limit on Δt: courant·h/max|v|, v = D(F/RT)|∇φ| (face differences), D the
  /// larger of the two layers' diffusivities.
  func migrationLimit(_ phi: [Double]) -> Double {
    let nx = numerics.nx, hx = numerics.spacingX, hy = numerics.spacingY
    // The largest differences along x and y, divided once: division by a positive spacing is
    // monotonic, so max|Δφ|/h is exactly the largest |Δφ|/h.
    var maxStepX = 0.0, maxStepY = 0.0
    let rows = numerics.ny
    phi.withUnsafeBufferPointer { phi in
      for j in 0..<rows {
        let row = j * nx
        for i in 0..<(nx - 1) {
          let k = row + i
          maxStepX = max(maxStepX, abs(phi[k + 1] - phi[k]))
          maxStepY = max(maxStepY, abs(phi[k + nx] - phi[k]))
        }
        let last = row + nx - 1  // periodic: the east neighbour of the last column is the first
        maxStepX = max(maxStepX, abs(phi[row] - phi[last]))
        maxStepY = max(maxStepY, abs(phi[last + nx] - phi[last]))
      }
    }
    let maxField = max(maxStepX / hx, maxStepY / hy)
    // the drift speed of the faster layer bounds Δt wherever it is (model 3 may have either D larger)
    let diffusivity = max(physics.diffusivity, physics.upperDiffusivity ?? 0)
    let speed = diffusivity * physics.fOverRT * maxField
    return speed > 0 ? numerics.migrationCourant * min(hx, hy) / speed : .infinity
  }
}
