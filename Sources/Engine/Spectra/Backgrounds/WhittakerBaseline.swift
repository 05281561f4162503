import Formats
import Foundation

/// Baselines from the Whittaker smoother with asymmetric weights, for fluorescence under Raman
/// bands. Both minimise Σ wᵢ(yᵢ − zᵢ)² + λ Σ(Δ²z)ᵢ², i.e. solve (W + λDᵀD) z = W y with D the
/// second-difference matrix — a pentadiagonal system solved in O(n) (`SymmetricPentadiagonal`) —
/// and re-weight until the weights settle: ‖w_new − w‖₂/‖w‖₂ < tol (pybaselines' exit rule, so
/// the same λ, p, tol give the same baseline), at most `maxIterations` + 1 solves.
/// The points are taken as equally spaced (λ is per point, as in both papers).
public enum WhittakerBaseline {
  /// Eilers & Boelens (2005), "Baseline correction with asymmetric least squares smoothing":
  /// wᵢ = p where yᵢ > zᵢ, 1 − p otherwise; typical λ 10²…10⁹, p 0.001…0.1.
  public static func asymmetricLeastSquares(_ y: [Double], lambda: Double, p: Double,
                                            tolerance: Double = 1e-3, maxIterations: Int = 50) throws -> [Double] {
    try validate(y, lambda: lambda)
    guard p > 0, p < 1 else { throw InputError("ALS: p must lie strictly between 0 and 1, got \(p)") }
    return try iterate(y, lambda: lambda, tolerance: tolerance, maxIterations: maxIterations) { z in
      zip(y, z).map { $0 > $1 ? p : 1 - p }
    }
  }

  /// Baek, Park, Ahn & Choo (2015), Analyst 140, 250, "Baseline correction using asymmetrically
  /// reweighted penalized least squares smoothing" (arPLS): with d = y − z and m, s the mean and
  /// sample standard deviation of the negative dᵢ, wᵢ = 1/(1 + exp(2(dᵢ − (2s − m))/s)).
  public static func asymmetricallyReweighted(_ y: [Double], lambda: Double, tolerance: Double = 1e-3,
                                              maxIterations: Int = 50) throws -> [Double] {
    try validate(y, lambda: lambda)
    return try iterate(y, lambda: lambda, tolerance: tolerance, maxIterations: maxIterations) { z in
      let d = zip(y, z).map { $0 - $1 }
      let negative = d.filter { $0 < 0 }
      guard negative.count >= 2 else { return nil }
      let m = negative.reduce(0, +) / Double(negative.count)
      let v = negative.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(negative.count - 1)
      let s = max(v.squareRoot(), .leastNormalMagnitude)
      return d.map { 1 / (1 + Foundation.exp(2 * ($0 - (2 * s - m)) / s)) }
    }
  }

  private static func validate(_ y: [Double], lambda: Double) throws {
    guard y.count >= 3 else { throw InputError("a Whittaker baseline needs at least 3 points, got \(y.count)") }
    guard lambda > 0, lambda.isFinite else { throw InputError("λ must be positive and finite, got \(lambda)") }
    guard y.allSatisfy(\.isFinite) else { throw InputError("the intensities contain a non-finite value") }
  }

  /// `reweight` returns nil when the weights cannot be formed (arPLS with < 2 negative residuals);
  /// the last baseline is then the answer, as in pybaselines.
  private static func iterate(_ y: [Double], lambda: Double, tolerance: Double, maxIterations: Int,
                              reweight: ([Double]) -> [Double]?) throws -> [Double] {
    var w = [Double](repeating: 1, count: y.count)
    var z = y
    for _ in 0...max(maxIterations, 0) {
      let system = SymmetricPentadiagonal.whittaker(weights: w, lambda: lambda)
      guard let solved = system.solve(zip(w, y).map { $0 * $1 }) else {
        throw InputError("the Whittaker system is singular (all weights zero)")
      }
      z = solved
      guard let next = reweight(z) else { break }
      var diff = 0.0, norm = 0.0
      for i in 0..<w.count { diff += (next[i] - w[i]) * (next[i] - w[i]); norm += w[i] * w[i] }
      if diff.squareRoot() / max(norm.squareRoot(), .leastNormalMagnitude) < tolerance { break }
      w = next
    }
    return z
  }
}
