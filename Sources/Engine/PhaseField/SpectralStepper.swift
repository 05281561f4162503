import Formats

/// Time steppers for semilinear problems, kept apart from the models (`SemilinearProblem`).
public protocol SpectralStepper: Sendable {
  var name: String { get }
  /// Formal order of accuracy in time.
  var order: Int { get }
  /// Advances `state` by one step of size `dt` (spectrum and physical field both updated).
  func advance(_ state: inout SpectralState, problem: some SemilinearProblem, dt: Double)
}

/// Semi-implicit (IMEX) Euler: (1 − Δt λ) û^{n+1} = û^n + Δt N̂(u^n, t_n), λ the implicit symbol.
/// First order. Unconditionally stable for the implicit part (λ ≤ 0); with a linear
/// stabilisation S (λ = λ₀ − S, N = N₀ + S u) the explicit part is damped for S ≥ max|N₀′|/2,
/// which for a double-well f′ (Allen–Cahn, Cahn–Hilliard) gives energy stability at any Δt
/// (Shen & Yang, DCDS-A 28 (2010) 1669). Accepts a different Δt each step. A state without a
/// spectrum (`SpectralState(physical:)`) of a `PhysicalSpaceExplicitProblem` takes the equivalent
/// one-transform form û^{n+1} = F(u^n + Δt N^n)/(1 − Δt λ) (`advancePhysical`).
public struct IMEXEulerStepper: SpectralStepper {
  public init() {}
  public var name: String { "euler" }
  public var order: Int { 1 }

  public func advance(_ state: inout SpectralState, problem: some SemilinearProblem, dt: Double) {
    let transform = problem.transform
    if state.uHat.isEmpty {
      if let physical = problem as? any PhysicalSpaceExplicitProblem {
        advancePhysical(&state, problem: physical, dt: dt)
        return
      }
      transform.forward(state.u, into: &state.uHat)
    }
    var explicit = [Double](repeating: 0, count: transform.spectrumCount)
    problem.explicitPart(state.u, time: state.time, into: &explicit)
    let symbol = problem.linearSymbol
    var hat = state.uHat
    for index in 0..<hat.count {
      hat[index] = (hat[index] + dt * explicit[index]) / (1 - dt * symbol[index])
    }
    state.previousUHat = state.uHat
    state.previousExplicit = explicit
    state.previousStepSize = dt
    state.uHat = hat
    transform.inverse(hat, into: &state.u)
    state.time += dt
    state.step += 1
  }
}

extension IMEXEulerStepper {
  /// The same step from F(u + Δt·N) (one forward, one inverse transform). It leaves no history
  /// (N̂ is never formed), so a following SBDF2 step starts with an Euler step.
  func advancePhysical(_ state: inout SpectralState, problem: any PhysicalSpaceExplicitProblem, dt: Double) {
    var next = [Double]()
    state.uHat = Self.physicalStep(state.u, into: &next, problem: problem, time: state.time, dt: dt,
                                   keepSpectrum: true)
    state.previousUHat = nil
    state.previousExplicit = nil
    state.previousStepSize = nil
    state.u = next
    state.time += dt
    state.step += 1
  }

  /// u^{n+1} = F⁻¹[F(u^n + Δt·N^n)/(1 − Δt λ)] into `next` (resized only if its size is
  /// wrong), working in the transform's own buffers: the problem writes straight into the
  /// forward transform's input, the division happens on the spectrum buffer, and the inverse
  /// writes into `next`, so a step allocates nothing. Returns a copy of û^{n+1} only when
  /// `keepSpectrum` (else []).
  static func physicalStep(_ u: [Double], into next: inout [Double], problem: some PhysicalSpaceExplicitProblem,
                           time: Double, dt: Double, keepSpectrum: Bool) -> [Double] {
    let transform = problem.transform
    transform.forwardIntoSpectrumBuffer { problem.writeExplicitUpdate(u, time: time, dt: dt, into: $0) }
    let spectrum = problem.linearSymbol.withUnsafeBufferPointer { symbol in
      transform.withSpectrumBuffer { hat -> [Double] in
        // pointwise: split over the threads (`ParallelWork`), the same numbers for any count
        ParallelWork.forEachChunk(hat.count, minimumChunk: 8192) { range in
          for index in range { hat[index] /= 1 - dt * symbol[index] }
        }
        return keepSpectrum ? Array(hat) : []
      }
    }
    transform.inverseOfSpectrumBuffer(into: &next)
    return spectrum
  }
}

extension SpectralStepper {
  /// One step of a `PhysicalSpaceExplicitProblem` from its physical state alone, written into
  /// `next`: the IMEX Euler step of `IMEXEulerStepper.physicalStep` for every stepper, since a
  /// state without history is what each of them starts from (SBDF2's first step is Euler).
  public func advancePhysical(_ u: [Double], into next: inout [Double], problem: some PhysicalSpaceExplicitProblem,
                              time: Double, dt: Double) {
    _ = IMEXEulerStepper.physicalStep(u, into: &next, problem: problem, time: time, dt: dt, keepSpectrum: false)
  }
}

/// SBDF2 (second-order semi-implicit backward differentiation):
/// (3 − 2Δt λ) û^{n+1} = 4û^n − û^{n−1} + 2Δt (2N̂^n − N̂^{n−1}).
/// Second order for a fixed Δt; the first step (no history) is an IMEX Euler step, whose O(Δt²)
/// local error keeps the global order 2. Linearly stable for λ ≤ 0 at any Δt; with a
/// stabilisation S the explicit extrapolation needs S of the order of max|N₀′| (larger than
/// Euler's S/2 bound) for unconditional energy decay. If Δt changes the history is discarded
/// and an Euler step restarts the scheme, so use it with a fixed step.
public struct SBDF2Stepper: SpectralStepper {
  public init() {}
  public var name: String { "sbdf2" }
  public var order: Int { 2 }

  public func advance(_ state: inout SpectralState, problem: some SemilinearProblem, dt: Double) {
    guard !state.uHat.isEmpty, let previousHat = state.previousUHat,
      let previousExplicit = state.previousExplicit, state.previousStepSize == dt
    else {
      IMEXEulerStepper().advance(&state, problem: problem, dt: dt)
      return
    }
    let transform = problem.transform
    var explicit = [Double](repeating: 0, count: transform.spectrumCount)
    problem.explicitPart(state.u, time: state.time, into: &explicit)
    let symbol = problem.linearSymbol
    var hat = state.uHat
    for index in 0..<hat.count {
      let rhs = 4 * state.uHat[index] - previousHat[index]
        + 2 * dt * (2 * explicit[index] - previousExplicit[index])
      hat[index] = rhs / (3 - 2 * dt * symbol[index])
    }
    state.previousUHat = state.uHat
    state.previousExplicit = explicit
    state.previousStepSize = dt
    state.uHat = hat
    transform.inverse(hat, into: &state.u)
    state.time += dt
    state.step += 1
  }
}

/// The registry of steppers by name, so configs and the CLI choose one without the models
/// knowing which exist.
public enum StepperRegistry {
  public static let names = ["euler", "sbdf2"]

  /// The stepper called `name`, or an InputError listing the known names.
  public static func stepper(named name: String) throws -> any SpectralStepper {
    switch name.lowercased() {
    case "euler", "imex-euler", "imex_euler": return IMEXEulerStepper()
    case "sbdf2": return SBDF2Stepper()
    default:
      throw InputError("unknown stepper '\(name)'; expected one of \(names.joined(separator: ", "))")
    }
  }
}
