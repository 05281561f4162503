/// A finished fit as people and files see it: one shape for every fit in Glovebox (circuits,
/// peaks), written by `glovebox eis fit --json`, the Impedance pane's export and whatever reads
/// fitted values back (the Arrhenius view). `FitReport+Coding.swift` fixes its JSON keys.
///
/// Built from a `FitResult` plus what the minimizer does not know: the model's description
/// (a circuit string, a peak model), the weighting's name and the number of data points.
public struct FitReport: Equatable, Sendable {
  /// One parameter: value, standard error (0 for fixed ones, NaN when the covariance is
  /// singular), unit, fixed flag and bounds (±∞ when unbounded).
  public struct FittedParameter: Equatable, Sendable {
    public var name: String
    public var value: Double
    public var standardError: Double
    public var unit: String
    public var fixed: Bool
    public var min: Double
    public var max: Double

    public init(name: String, value: Double, standardError: Double, unit: String, fixed: Bool,
                min: Double = -.infinity, max: Double = .infinity) {
      self.name = name
      self.value = value
      self.standardError = standardError
      self.unit = unit
      self.fixed = fixed
      self.min = min
      self.max = max
    }
  }

  /// Correlation matrix of the free parameters, rows and columns in the order of `parameters`.
  public struct Correlation: Equatable, Sendable {
    public var parameters: [String]
    public var matrix: [[Double]]

    public init(parameters: [String], matrix: [[Double]]) {
      self.parameters = parameters
      self.matrix = matrix
    }
  }

  /// What was fitted, e.g. the circuit "L0-R0-p(R1,CPE1)".
  public var model: String
  /// The weighting's name ("unit", "proportional", "modulus", "given", …).
  public var weighting: String
  public var parameters: [FittedParameter]
  /// χ² = Σ rᵢ² of the weighted residuals.
  public var chiSquare: Double
  /// χ²/(N − p_free).
  public var reducedChiSquare: Double
  /// Coefficient of determination, where the domain defines one (nil otherwise, e.g. for
  /// complex circuit fits).
  public var rSquared: Double?
  /// √(χ²/N) over the N residuals.
  public var rmse: Double
  /// Akaike and Bayesian information criteria (lmfit's definitions, see `FitResult`).
  public var aic: Double
  public var bic: Double
  /// Data points fitted (a complex impedance point counts once).
  public var points: Int
  public var iterations: Int
  public var evaluations: Int
  public var success: Bool
  /// True when an observer ended the fit before it converged.
  public var stopped: Bool
  public var message: String
  public var correlation: Correlation

  public init(model: String, weighting: String, parameters: [FittedParameter], chiSquare: Double,
              reducedChiSquare: Double, rSquared: Double?, rmse: Double, aic: Double, bic: Double, points: Int,
              iterations: Int, evaluations: Int, success: Bool, stopped: Bool, message: String,
              correlation: Correlation) {
    self.model = model
    self.weighting = weighting
    self.parameters = parameters
    self.chiSquare = chiSquare
    self.reducedChiSquare = reducedChiSquare
    self.rSquared = rSquared
    self.rmse = rmse
    self.aic = aic
    self.bic = bic
    self.points = points
    self.iterations = iterations
    self.evaluations = evaluations
    self.success = success
    self.stopped = stopped
    self.message = message
    self.correlation = correlation
  }

  /// The report of `result`. `points` defaults to the number of residuals.
  public init(_ result: FitResult, model: String, weighting: String, points: Int? = nil, rSquared: Double? = nil) {
    let parameters = result.parameters.items.enumerated().map { k, p in
      FittedParameter(
        name: p.name, value: p.value,
        standardError: result.standardErrors.indices.contains(k) ? result.standardErrors[k] : .nan,
        unit: p.unit, fixed: p.fixed, min: p.min, max: p.max)
    }
    let n = result.freeNames.count
    let matrix = (0..<n).map { a in
      (0..<n).map { b in a < result.correlations.rows && b < result.correlations.columns ? result.correlations[a, b] : .nan }
    }
    self.init(
      model: model, weighting: weighting, parameters: parameters, chiSquare: result.chiSquare,
      reducedChiSquare: result.reducedChiSquare, rSquared: rSquared, rmse: result.rmse, aic: result.aic,
      bic: result.bic, points: points ?? result.dataCount, iterations: result.iterations,
      evaluations: result.evaluations, success: result.success, stopped: result.stopped, message: result.message,
      correlation: Correlation(parameters: result.freeNames, matrix: matrix))
  }

  /// The fitted value of the parameter `name`.
  public func value(of name: String) -> Double? { parameters.first { $0.name == name }?.value }

  /// The standard error of the parameter `name`.
  public func standardError(of name: String) -> Double? { parameters.first { $0.name == name }?.standardError }
}
