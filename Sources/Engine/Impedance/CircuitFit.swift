import Foundation

/// Complex nonlinear least squares of an equivalent circuit to a spectrum.
///
/// The residual vector stacks real then imaginary parts, rᵢ = √wᵢ (Z'_model − Z'ᵢ) and
/// r_{N+i} = √wᵢ (Z''_model − Z''ᵢ), so χ² = Σ wᵢ |Z_model − Zᵢ|² (Macdonald's CNLS). The Jacobian is
/// analytic: the circuit's complex gradient split into real and imaginary rows.
public enum CircuitFit {
  /// The least-squares model for `circuit` against `spectrum`.
  public static func model(circuit: Circuit, spectrum: ImpedanceSpectrum, weighting: ImpedanceWeighting) -> Model {
    let n = spectrum.count
    let sqrtW = weighting.weights(for: spectrum).map { $0.squareRoot() }
    let f = spectrum.frequencies, zr = spectrum.real, zi = spectrum.imaginary
    let p = circuit.parameterCount
    return Model(
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

  /// One local Levenberg–Marquardt fit from the given start (values, bounds and fixed flags).
  public static func fit(circuit: Circuit, spectrum: ImpedanceSpectrum, start: Parameters,
                         weighting: ImpedanceWeighting = .unit, maxIterations: Int = 1000) -> FitResult {
    var options = Minimizer.Options()
    options.maxIterations = maxIterations
    options.ftol = 1e-13
    options.xtol = 1e-12
    options.gtol = 1e-12
    options.stagnationTolerance = 1e-8
    let m = model(circuit: circuit, spectrum: spectrum, weighting: weighting)
    return Minimizer(model: m, options: options).minimize(start)
  }

  /// How to find a start when none (or only part of one) is given.
  public struct Search: Sendable {
    /// Extra random starts (log-uniform time constants and resistances around the spectrum's
    /// scales) on top of the deterministic candidates; 0 for the plain automatic mode.
    public var randomStarts: Int
    public var seed: UInt64
    public init(randomStarts: Int = 0, seed: UInt64 = 0x5EED) {
      self.randomStarts = randomStarts
      self.seed = seed
    }
    public static let automatic = Search()
    public static let global = Search(randomStarts: 64)
  }

  /// Fits without a hand start: candidate starts from the spectrum's features
  /// (`CircuitInitialGuess`), each polished by a short local fit; the best few are refined to
  /// convergence and the lowest χ² wins. `given` pins values the user supplied (they start there,
  /// and `fixed` ones stay there).
  public static func fitAutomatically(circuit: Circuit, spectrum: ImpedanceSpectrum,
                                      weighting: ImpedanceWeighting = .unit,
                                      given: Parameters? = nil, search: Search = .automatic) -> FitResult {
    let guesser = CircuitInitialGuess(circuit: circuit, spectrum: spectrum)
    var rng = SplitMix64(seed: search.seed)
    var candidates = guesser.candidates()
    for _ in 0..<search.randomStarts { candidates.append(guesser.randomCandidate(using: &rng)) }
    var scored: [FitResult] = []
    for values in candidates {
      var start = circuit.parameters(values: values)
      if let given {
        // Given values and fixed flags win; the circuit's bounds stay unless given ones are finite.
        for p in given {
          guard let i = start.index(of: p.name) else { continue }
          start[i].value = p.value
          start[i].fixed = p.fixed
          if p.min.isFinite { start[i].min = p.min }
          if p.max.isFinite { start[i].max = p.max }
        }
      }
      scored.append(fit(circuit: circuit, spectrum: spectrum, start: start, weighting: weighting, maxIterations: 60))
    }
    scored.sort { ($0.chiSquare.isFinite ? $0.chiSquare : .infinity) < ($1.chiSquare.isFinite ? $1.chiSquare : .infinity) }
    var best: FitResult?
    for s in scored.prefix(3) {
      let refined = fit(circuit: circuit, spectrum: spectrum, start: s.parameters, weighting: weighting)
      if best == nil || refined.chiSquare < (best?.chiSquare ?? .infinity) { best = refined }
    }
    guard var result = best else {
      return fit(circuit: circuit, spectrum: spectrum, start: circuit.parameters(values: guesser.candidates()[0]), weighting: weighting)
    }
    result.message += " (best of \(candidates.count) starts)"
    return result
  }
}
