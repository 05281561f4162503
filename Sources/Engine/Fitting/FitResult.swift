import Foundation

/// The outcome of a fit, successful or not (a failed fit is a result, not an error): the final
/// parameters with standard errors and correlations from the covariance, goodness-of-fit
/// statistics, and why the minimizer stopped.
public struct FitResult: Equatable, Sendable {
  public var parameters: Parameters
  /// Standard error of each parameter (0 for fixed ones, NaN when the covariance is singular).
  public var standardErrors: [Double]
  /// Correlation matrix of the free parameters, in the order of `freeNames`.
  public var correlations: Matrix
  public var freeNames: [String]
  /// Covariance of the free parameters (scaled by the reduced χ² unless the weights are given
  /// as absolute 1/σ², see `Minimizer.Options.scaleCovariance`).
  public var covariance: Matrix
  /// χ² = Σ rᵢ² of the weighted residuals.
  public var chiSquare: Double
  /// χ²/(N − p_free).
  public var reducedChiSquare: Double
  /// √(χ²/N).
  public var rmse: Double
  /// Akaike and Bayesian information criteria as lmfit defines them:
  /// AIC = N ln(χ²/N) + 2p, BIC = N ln(χ²/N) + ln(N)·p.
  public var aic: Double
  public var bic: Double
  public var iterations: Int
  public var evaluations: Int
  public var success: Bool
  /// True when a `FitObserver` ended the fit (then `success` is false and `message` says so).
  public var stopped = false
  public var message: String
  /// Final weighted residuals.
  public var residuals: [Double]

  public var values: [Double] { parameters.values }
  public var dataCount: Int { residuals.count }

  public func standardError(of name: String) -> Double? {
    parameters.index(of: name).map { standardErrors[$0] }
  }

  public func value(of name: String) -> Double? { parameters[name]?.value }
}
