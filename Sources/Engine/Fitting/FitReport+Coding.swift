/// The JSON of a fit report. Keys are fixed (snake_case) and always present, so scripts can rely
/// on them:
///
///     { "model", "weighting",
///       "parameters": [{ "name", "value", "stderr", "unit", "fixed", "min", "max" }],
///       "chi2", "reduced_chi2", "r_squared", "rmse", "aic", "bic", "points",
///       "iterations", "evaluations", "success", "stopped", "message",
///       "correlation": { "parameters": [names of the free parameters], "matrix": [[…]] } }
///
/// JSON has no NaN or infinity, and no number is ever written for one: a value that is not
/// finite is `null` — for "min" and "max" that means unbounded (−∞ and +∞ when read back), for
/// "r_squared" that the domain defines none, elsewhere that the number is undefined (NaN when
/// read back, e.g. the standard error of a parameter of a singular fit).
extension FitReport: Codable {
  enum CodingKeys: String, CodingKey {
    case model, weighting, parameters
    case chiSquare = "chi2"
    case reducedChiSquare = "reduced_chi2"
    case rSquared = "r_squared"
    case rmse, aic, bic, points, iterations, evaluations, success, stopped, message, correlation
    /// Derived on writing (`identifiabilityFlags`), ignored on reading.
    case flags
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(model, forKey: .model)
    try c.encode(weighting, forKey: .weighting)
    try c.encode(parameters, forKey: .parameters)
    try c.encode(chiSquare.finiteOrNil, forKey: .chiSquare)
    try c.encode(reducedChiSquare.finiteOrNil, forKey: .reducedChiSquare)
    try c.encode(rSquared?.finiteOrNil, forKey: .rSquared)
    try c.encode(rmse.finiteOrNil, forKey: .rmse)
    try c.encode(aic.finiteOrNil, forKey: .aic)
    try c.encode(bic.finiteOrNil, forKey: .bic)
    try c.encode(points, forKey: .points)
    try c.encode(iterations, forKey: .iterations)
    try c.encode(evaluations, forKey: .evaluations)
    try c.encode(success, forKey: .success)
    try c.encode(stopped, forKey: .stopped)
    try c.encode(message, forKey: .message)
    try c.encode(correlation, forKey: .correlation)
    try c.encode(identifiabilityFlags, forKey: .flags)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    model = try c.decode(String.self, forKey: .model)
    weighting = try c.decode(String.self, forKey: .weighting)
    parameters = try c.decode([FittedParameter].self, forKey: .parameters)
    chiSquare = try c.decodeIfPresent(Double.self, forKey: .chiSquare) ?? .nan
    reducedChiSquare = try c.decodeIfPresent(Double.self, forKey: .reducedChiSquare) ?? .nan
    rSquared = try c.decodeIfPresent(Double.self, forKey: .rSquared)
    rmse = try c.decodeIfPresent(Double.self, forKey: .rmse) ?? .nan
    aic = try c.decodeIfPresent(Double.self, forKey: .aic) ?? .nan
    bic = try c.decodeIfPresent(Double.self, forKey: .bic) ?? .nan
    points = try c.decode(Int.self, forKey: .points)
    iterations = try c.decode(Int.self, forKey: .iterations)
    evaluations = try c.decode(Int.self, forKey: .evaluations)
    success = try c.decode(Bool.self, forKey: .success)
    stopped = try c.decode(Bool.self, forKey: .stopped)
    message = try c.decode(String.self, forKey: .message)
    correlation = try c.decode(Correlation.self, forKey: .correlation)
  }
}

extension FitReport.FittedParameter: Codable {
  enum CodingKeys: String, CodingKey {
    case name, value
    case standardError = "stderr"
    case unit, fixed, min, max
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(value.finiteOrNil, forKey: .value)
    try c.encode(standardError.finiteOrNil, forKey: .standardError)
    try c.encode(unit, forKey: .unit)
    try c.encode(fixed, forKey: .fixed)
    try c.encode(min.finiteOrNil, forKey: .min)
    try c.encode(max.finiteOrNil, forKey: .max)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    value = try c.decodeIfPresent(Double.self, forKey: .value) ?? .nan
    standardError = try c.decodeIfPresent(Double.self, forKey: .standardError) ?? .nan
    unit = try c.decode(String.self, forKey: .unit)
    fixed = try c.decode(Bool.self, forKey: .fixed)
    min = try c.decodeIfPresent(Double.self, forKey: .min) ?? -.infinity
    max = try c.decodeIfPresent(Double.self, forKey: .max) ?? .infinity
  }
}

extension FitReport.Correlation: Codable {
  enum CodingKeys: String, CodingKey {
    case parameters, matrix
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(parameters, forKey: .parameters)
    try c.encode(matrix.map { $0.map(\.finiteOrNil) }, forKey: .matrix)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    parameters = try c.decode([String].self, forKey: .parameters)
    matrix = try c.decode([[Double?]].self, forKey: .matrix).map { $0.map { $0 ?? .nan } }
  }
}

private extension Double {
  /// The value when finite; nil (JSON null) for NaN and ±∞.
  var finiteOrNil: Double? { isFinite ? self : nil }
}
