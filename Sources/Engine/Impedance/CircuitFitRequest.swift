/// One equivalent-circuit fit to do: what the CLI's `eis fit` and the Impedance pane both hand
/// to `CircuitFit.run`, so they fit the same way by construction.
public struct CircuitFitRequest: Equatable, Sendable {
  /// How the start is found.
  public enum Search: Equatable, Sendable {
    /// One Levenberg–Marquardt fit from the given values; parameters not given start at the
    /// spectrum's most plausible automatic candidate (`CircuitInitialGuess.candidates()[0]`).
    case local
    /// Candidate starts from the spectrum's features (`CircuitInitialGuess`) plus `randomStarts`
    /// random ones drawn with `seed`, each with the given values merged in and polished by a
    /// 60-iteration fit; the best three are refined to convergence and the lowest χ² wins.
    case multiStart(randomStarts: Int, seed: UInt64)
    /// `local` when the given values cover every parameter of the circuit, otherwise
    /// `multiStart` without random starts: what the pane's `f` and `eis fit` do by default.
    case automatic

    /// 64 random starts on top of the deterministic ones (`eis fit --global`).
    public static let global = Search.multiStart(randomStarts: 64, seed: defaultSeed)
    /// The deterministic candidates only.
    public static let candidates = Search.multiStart(randomStarts: 0, seed: defaultSeed)
    public static let defaultSeed: UInt64 = 0x5EED
  }

  public var circuit: Circuit
  public var spectrum: ImpedanceSpectrum
  public var weighting: ImpedanceWeighting
  /// Parameters the user set: their values, fixed flags and finite bounds win over the
  /// automatic ones (see `start(from:)`); names the circuit does not have are ignored.
  public var given: Parameters
  public var search: Search
  /// Iteration limit of the local fit and of each refinement (the polishing of multi-start
  /// candidates stops at 60).
  public var maxIterations: Int

  public init(circuit: Circuit, spectrum: ImpedanceSpectrum, weighting: ImpedanceWeighting = .unit,
              given: Parameters = Parameters(), search: Search = .automatic, maxIterations: Int = 1000) {
    self.circuit = circuit
    self.spectrum = spectrum
    self.weighting = weighting
    self.given = given
    self.search = search
    self.maxIterations = maxIterations
  }

  /// True when `given` holds a value for every parameter of the circuit.
  public var givesEveryParameter: Bool { circuit.parameterNames.allSatisfy { given[$0] != nil } }

  /// The start of one fit: the circuit's parameters at `values` (with their units, bounds and
  /// log scaling), then each given parameter's value and fixed flag, and its bounds where finite
  /// (the circuit's physical bounds stay when the user gave none). The only place the "a given
  /// parameter wins" rule lives.
  public func start(from values: [Double]) -> Parameters {
    var start = circuit.parameters(values: values)
    for p in given {
      guard let i = start.index(of: p.name) else { continue }
      start[i].value = p.value
      start[i].fixed = p.fixed
      if p.min.isFinite { start[i].min = p.min }
      if p.max.isFinite { start[i].max = p.max }
    }
    return start
  }
}

extension CircuitFitRequest: FitRequest {
  public func run(observer: FitObserver?) -> FitResult { CircuitFit.run(self, observer: observer) }

  /// The report of a result: the circuit string as the model, the weighting's name, the
  /// spectrum's points; no R² (not defined for a complex fit).
  public func report(_ result: FitResult) -> FitReport {
    FitReport(result, model: circuit.description, weighting: weighting.name, points: spectrum.count)
  }
}
