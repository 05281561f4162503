import Foundation

/// Complex nonlinear least squares of an equivalent circuit to a spectrum.
///
/// The residual vector stacks real then imaginary parts, rᵢ = √wᵢ (Z'_model − Z'ᵢ) and
/// r_{N+i} = √wᵢ (Z''_model − Z''ᵢ), so χ² = Σ wᵢ |Z_model − Zᵢ|² (Macdonald's CNLS). The Jacobian is
/// analytic: the circuit's complex gradient split into real and imaginary rows.
public enum CircuitFit {
  /// The least-squares model for `circuit` against `spectrum`.
  public static func model(circuit: Circuit, spectrum: ImpedanceSpectrum, weighting: ImpedanceWeighting) -> FitModel {
    let n = spectrum.count
    let sqrtW = weighting.weights(for: spectrum).map { $0.squareRoot() }
    let f = spectrum.frequencies, zr = spectrum.real, zi = spectrum.imaginary
    let p = circuit.parameterCount
    return FitModel(
      residualCount: 2 * n,
      residuals: { values in
        var r = [Double](repeating: 0, count: 2 * n)
        for i in 0..<n {
          let z = circuit.impedance(values, frequency: f[i])
          r[i] = sqrtW[i] * (z.re - zr[i])
          r[n + i] = sqrtW[i] * (z.im - zi[i])
        }
        return r
      },
      jacobian: { values in
        var j = Matrix(rows: 2 * n, columns: p)
        var g = [ComplexNumber](repeating: .zero, count: p)
        for i in 0..<n {
          _ = circuit.impedance(values, frequency: f[i], gradient: &g)
          for k in 0..<p {
            j.storage[i * p + k] = sqrtW[i] * g[k].re
            j.storage[(n + i) * p + k] = sqrtW[i] * g[k].im
          }
        }
        return j
      })
  }

  /// Runs `request`: one local fit, or the multi-start search (see `CircuitFitRequest.Search`).
  /// `observer` sees every Levenberg–Marquardt iteration of every stage, labelled ("local",
  /// "start 3/12", "refining 1/3") and numbered on across stages; when it answers `.stop` the
  /// search ends at once and the stopped fit is the result (`stopped`, not `success`).
  public static func run(_ request: CircuitFitRequest, observer: FitObserver? = nil) -> FitResult {
    let circuit = request.circuit
    let m = model(circuit: circuit, spectrum: request.spectrum, weighting: request.weighting)
    let search: (randomStarts: Int, seed: UInt64)
    switch request.search {
    case .local:
      let first = request.givesEveryParameter
        ? nil : CircuitInitialGuess(circuit: circuit, spectrum: request.spectrum).candidates().first
      return local(request, m, from: first, observer: observer)
    case .automatic:
      if request.givesEveryParameter { return local(request, m, from: nil, observer: observer) }
      search = (0, CircuitFitRequest.Search.defaultSeed)
    case let .multiStart(randomStarts, seed):
      search = (randomStarts, seed)
    }
    let guesser = CircuitInitialGuess(circuit: circuit, spectrum: request.spectrum)
    var rng = SplitMix64(seed: search.seed)
    var candidates = guesser.candidates()
    for _ in 0..<max(0, search.randomStarts) { candidates.append(guesser.randomCandidate(using: &rng)) }
    var iterations = 0
    func stage(_ label: String) -> FitObserver? { observer?.stage(label, iterationOffset: iterations) }
    var scored: [FitResult] = []
    for (k, values) in candidates.enumerated() {
      let polished = fit(m, start: request.start(from: values), maxIterations: 60,
                         observer: stage("start \(k + 1)/\(candidates.count)"))
      iterations += polished.iterations
      if polished.stopped { return polished }
      scored.append(polished)
    }
    scored.sort { ($0.chiSquare.isFinite ? $0.chiSquare : .infinity) < ($1.chiSquare.isFinite ? $1.chiSquare : .infinity) }
    var best: FitResult?
    let refining = min(3, scored.count)
    for (k, s) in scored.prefix(refining).enumerated() {
      let refined = fit(m, start: s.parameters, maxIterations: request.maxIterations,
                        observer: stage("refining \(k + 1)/\(refining)"))
      iterations += refined.iterations
      if refined.stopped { return refined }
      if best == nil || refined.chiSquare < (best?.chiSquare ?? .infinity) { best = refined }
    }
    guard var result = best else { return local(request, m, from: nil, observer: observer) }
    result.message += " (best of \(candidates.count) starts)"
    return result
  }

  /// One local fit from the given values; parameters not given start at `values` (or at 1 when
  /// no automatic candidate exists, which `CircuitInitialGuess` never returns).
  private static func local(_ request: CircuitFitRequest, _ m: FitModel, from values: [Double]?,
                            observer: FitObserver?) -> FitResult {
    let start = request.start(from: values ?? [Double](repeating: 1, count: request.circuit.parameterCount))
    return fit(m, start: start, maxIterations: request.maxIterations, observer: observer?.stage("local", iterationOffset: 0))
  }

  /// One Levenberg–Marquardt fit from `start` with the tolerances every circuit fit uses.
  private static func fit(_ m: FitModel, start: Parameters, maxIterations: Int, observer: FitObserver?) -> FitResult {
    var options = Minimizer.Options()
    options.maxIterations = maxIterations
    options.ftol = 1e-13
    options.xtol = 1e-12
    options.gtol = 1e-12
    options.stagnationTolerance = 1e-8
    return Minimizer(model: m, options: options).minimize(start, observer: observer)
  }
}
