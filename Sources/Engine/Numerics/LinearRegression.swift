/// Ordinary least-squares straight line y = a + b·x with the textbook standard errors
/// (Draper & Smith, Applied Regression Analysis, §1.4):
/// s² = Σ(yᵢ − a − b xᵢ)²/(n − 2), se(b) = s/√Sxx, se(a) = s·√(1/n + x̄²/Sxx), R² = 1 − SSres/SStot.
public struct LinearRegression: Equatable, Sendable {
  public var slope: Double
  public var intercept: Double
  public var slopeStandardError: Double
  public var interceptStandardError: Double
  public var rSquared: Double
  public var count: Int

  /// Nil when there are fewer than two points or all x are equal. With exactly two points the
  /// standard errors are NaN (no degrees of freedom left).
  public init?(x: [Double], y: [Double]) {
    let n = min(x.count, y.count)
    guard n >= 2 else { return nil }
    let mx = x.prefix(n).reduce(0, +) / Double(n)
    let my = y.prefix(n).reduce(0, +) / Double(n)
    var sxx = 0.0, sxy = 0.0, syy = 0.0
    for i in 0..<n {
      sxx += (x[i] - mx) * (x[i] - mx)
      sxy += (x[i] - mx) * (y[i] - my)
      syy += (y[i] - my) * (y[i] - my)
    }
    guard sxx > 0 else { return nil }
    slope = sxy / sxx
    intercept = my - slope * mx
    var ssr = 0.0
    for i in 0..<n { let r = y[i] - intercept - slope * x[i]; ssr += r * r }
    let s2 = n > 2 ? ssr / Double(n - 2) : .nan
    slopeStandardError = (s2 / sxx).squareRoot()
    interceptStandardError = (s2 * (1 / Double(n) + mx * mx / sxx)).squareRoot()
    rSquared = syy > 0 ? 1 - ssr / syy : 1
    count = n
  }
}
