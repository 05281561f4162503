import Foundation

/// A value with its standard error (NaN when the covariance is singular; 0 when fixed).
public struct Estimate: Sendable, Equatable, Codable {
  public var value: Double
  public var error: Double
  public init(_ value: Double, _ error: Double) { self.value = value; self.error = error }
}

/// One fitted component as people read it.
public struct PeakComponentResult: Sendable, Equatable {
  public var name: String
  public var shape: LineShape
  public var center: Estimate
  public var height: Estimate
  public var area: Estimate
  public var fwhm: Estimate
  /// This component's share of the summed area of all components, %.
  public var areaPercent: Estimate
  /// Shape parameters by name (eta, m, alpha, …).
  public var shapeParameters: [String: Estimate]
}

/// The outcome of a peak fit. A failed fit (or one that could not start) is a result with
/// `fit.success` false and `fit.message` saying why.
public struct PeakFitResult: Sendable {
  /// The minimizer's result over the independent (untied) parameters.
  public var fit: FitResult
  /// The report (Engine/Fitting's shared shape) of `fit`.
  public var report: FitReport
  /// The model with the fitted values.
  public var model: PeakModel
  /// Every parameter (tied ones included) with its standard error.
  public var parameters: [String: Estimate]
  public var components: [PeakComponentResult]
  public var x: [Double]
  public var y: [Double]
  public var background: [Double]
  public var componentCurves: [[Double]]
  public var total: [Double]
  /// y − total (unweighted).
  public var residuals: [Double]
  public var chiSquare: Double
  public var reducedChiSquare: Double
  /// 1 − Σ(y − ŷ)²/Σ(y − ȳ)² over the window.
  public var rSquared: Double
  public var correlation: FitReport.Correlation
  public var success: Bool { fit.success }
}
