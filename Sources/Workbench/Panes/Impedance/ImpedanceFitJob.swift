import Engine
import Foundation

/// A fit in progress, as the pane shows it: the current parameter values, χ² and where the
/// search is.
public struct ImpedanceFitProgress: Equatable, Sendable {
  public var entry: Int
  public var values: [Double]
  public var chiSquare: Double
  public var iteration: Int
  /// "start 3/12", "refining 1/3", "local".
  public var stage: String

  public init(entry: Int, values: [Double], chiSquare: Double, iteration: Int, stage: String) {
    self.entry = entry
    self.values = values
    self.chiSquare = chiSquare
    self.iteration = iteration
    self.stage = stage
  }
}

/// A finished fit of one spectrum (the pane stores it with the spectrum).
public struct ImpedanceFitOutcome: Equatable, Sendable {
  public var entry: Int
  public var circuit: Circuit
  public var weighting: ImpedanceWeighting
  public var result: FitResult
}

/// The background work behind `f` and `F`. It follows `CircuitFit` exactly — the same model,
/// the same Levenberg–Marquardt options, the same starts (`CircuitFit.fitAutomatically` when
/// some parameters are not given, one local fit when all are) — so the pane's numbers equal
/// `glovebox eis fit` on the same file. What it adds is observation: the model's Jacobian is
/// evaluated once per LM iteration, so wrapping it is where the job reports progress and checks
/// its cancellation flag (a cancelled job's Jacobian is zero, which ends the minimiser at once
/// through its gradient test; the job then throws `JobCancelled`).
public enum ImpedanceFitJob {
  /// Options identical to `CircuitFit.fit`.
  static func options(maxIterations: Int) -> Minimizer.Options {
    var options = Minimizer.Options()
    options.maxIterations = maxIterations
    options.ftol = 1e-13
    options.xtol = 1e-12
    options.gtol = 1e-12
    options.stagnationTolerance = 1e-8
    return options
  }

  /// Performs `ImpedanceJob.fit`: the requests in turn, with progress and cancellation.
  public static func run(_ requests: [ImpedanceFitRequest], context: JobContext) throws -> [ImpedanceFitOutcome] {
    try requests.map { try fit($0, context: context) }
  }

  /// Fits one request. `given` holds the parameters the user set (values, fixed flags, bounds);
  /// when it covers every parameter of the circuit the fit is local from there, otherwise the
  /// automatic multi-start search fills in the rest.
  public static func fit(_ request: ImpedanceFitRequest, context: JobContext) throws -> ImpedanceFitOutcome {
    let (entry, circuit, spectrum, weighting, given) =
      (request.entry, request.circuit, request.spectrum, request.weighting, request.given)
    let base = CircuitFit.model(circuit: circuit, spectrum: spectrum, weighting: weighting)
    let tally = FitTally()
    let observed = Model(
      residualCount: base.residualCount, residuals: base.residuals,
      jacobian: { [base] values in
        if context.isCancelled { return Matrix(rows: base.residualCount, columns: values.count) }
        let (iteration, stage) = tally.next()
        let r = base.residuals(values)
        context.report(.impedanceFit(ImpedanceFitProgress(
          entry: entry, values: values, chiSquare: r.reduce(0) { $0 + $1 * $1 }, iteration: iteration, stage: stage)))
        return base.jacobian?(values) ?? base.numericalJacobian(values)
      })
    func local(_ start: Parameters, maxIterations: Int = 1000) throws -> FitResult {
      try context.checkCancellation()
      let result = Minimizer(model: observed, options: options(maxIterations: maxIterations)).minimize(start)
      try context.checkCancellation()
      return result
    }
    let complete = circuit.parameterNames.allSatisfy { given[$0] != nil }
    if complete {
      let ordered = Parameters(circuit.parameterNames.compactMap { given[$0] })
      return ImpedanceFitOutcome(entry: entry, circuit: circuit, weighting: weighting, result: try local(ordered))
    }
    // CircuitFit.fitAutomatically, step by step.
    let guesser = CircuitInitialGuess(circuit: circuit, spectrum: spectrum)
    let candidates = guesser.candidates()
    var scored: [FitResult] = []
    for (k, values) in candidates.enumerated() {
      var start = circuit.parameters(values: values)
      for p in given {
        guard let i = start.index(of: p.name) else { continue }
        start[i].value = p.value
        start[i].fixed = p.fixed
        if p.min.isFinite { start[i].min = p.min }
        if p.max.isFinite { start[i].max = p.max }
      }
      tally.stage = "start \(k + 1)/\(candidates.count)"
      scored.append(try local(start, maxIterations: 60))
    }
    scored.sort { ($0.chiSquare.isFinite ? $0.chiSquare : .infinity) < ($1.chiSquare.isFinite ? $1.chiSquare : .infinity) }
    var best: FitResult?
    for (k, s) in scored.prefix(3).enumerated() {
      tally.stage = "refining \(k + 1)/\(min(3, scored.count))"
      let refined = try local(s.parameters)
      if best == nil || refined.chiSquare < (best?.chiSquare ?? .infinity) { best = refined }
    }
    guard var result = best else {
      guard let first = candidates.first else { throw EffectFailure("no starting values for \(circuit)") }
      return ImpedanceFitOutcome(entry: entry, circuit: circuit, weighting: weighting,
                                 result: try local(circuit.parameters(values: first)))
    }
    result.message += " (best of \(candidates.count) starts)"
    return ImpedanceFitOutcome(entry: entry, circuit: circuit, weighting: weighting, result: result)
  }
}

/// Iteration count and stage label shared between the job and its observed Jacobian (both run
/// on the job's thread; the lock keeps the compiler's concurrency check honest).
final class FitTally: @unchecked Sendable {
  private let lock = NSLock()
  private var iteration = 0
  private var label = "local"

  var stage: String {
    get { lock.lock(); defer { lock.unlock() }; return label }
    set { lock.lock(); label = newValue; lock.unlock() }
  }

  func next() -> (Int, String) {
    lock.lock()
    defer { lock.unlock() }
    iteration += 1
    return (iteration, label)
  }
}
