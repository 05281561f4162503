import Foundation

extension FitReport {
  /// |r| above which two free parameters are reported as strongly correlated.
  public static let correlationLimit = 0.99

  /// Why a free parameter's fitted value says little, in words ("at upper bound",
  /// "error 91 % of value", "correlated with R1 (r = 0.998)"); empty when nothing is wrong.
  ///
  /// A fit can converge and still leave a parameter undetermined: R2 = 7.4e11 ± 6.7e11 Ω is a
  /// resistance the data do not constrain (the arc is outside the window), not a result.
  /// Flagged, as lmfit's and RelaxIS's users learn to check by hand:
  /// - a value on a finite bound (within 1e-6 of the bound's scale): the optimum lies beyond it;
  /// - a standard error over 100 % of the value, or none at all (singular covariance);
  /// - |correlation| > `correlationLimit` with another free parameter: only a combination of
  ///   the two is determined.
  /// Fixed parameters are never flagged (they were not fitted).
  public func identifiabilityFlags(of name: String) -> [String] {
    guard let parameter = parameters.first(where: { $0.name == name }), !parameter.fixed else { return [] }
    var flags: [String] = []
    let tolerance = 1e-6 * Swift.max(abs(parameter.value), 1e-300)
    if parameter.min.isFinite, abs(parameter.value - parameter.min) <= Swift.max(tolerance, 1e-6 * abs(parameter.min)) {
      flags.append("at lower bound")
    }
    if parameter.max.isFinite, abs(parameter.value - parameter.max) <= Swift.max(tolerance, 1e-6 * abs(parameter.max)) {
      flags.append("at upper bound")
    }
    if !parameter.standardError.isFinite {
      flags.append("error not determined")
    } else if parameter.value != 0, parameter.standardError > abs(parameter.value) {
      flags.append(String(format: "error %.0f %% of value", parameter.standardError / abs(parameter.value) * 100))
    }
    if let row = correlation.parameters.firstIndex(of: name), correlation.matrix.indices.contains(row) {
      for (column, other) in correlation.parameters.enumerated() where column != row && correlation.matrix[row].indices.contains(column) {
        let r = correlation.matrix[row][column]
        if r.isFinite, abs(r) > Self.correlationLimit {
          flags.append(String(format: "correlated with %@ (r = %.3f)", other, r))
        }
      }
    }
    return flags
  }

  /// Every free parameter's flags, by name (only the flagged ones).
  public var identifiabilityFlags: [String: [String]] {
    var out: [String: [String]] = [:]
    for parameter in parameters {
      let flags = identifiabilityFlags(of: parameter.name)
      if !flags.isEmpty { out[parameter.name] = flags }
    }
    return out
  }
}
