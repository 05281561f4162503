import Foundation

extension DistributionOfRelaxationTimes {
  /// How λ was found.
  public enum LambdaSelection: String, Sendable {
    case given
    /// Minimum of GCV evaluated on the non-negative solutions.
    case generalisedCrossValidation = "gcv"
    /// GCV sat at a bound of the search range; the corner of the L-curve was used instead.
    case lCurveCorner = "l-curve"
  }

  /// The search for λ: one point per quarter decade.
  static let lambdaSearchRange = (lowest: 1e-6, highest: 1.0)

  /// λ for the non-negative Tikhonov problem min ‖Ax − b‖² + λ xᵀRx, x ≥ 0 (b = Z/max|Z|).
  ///
  /// For each λ = 10⁻⁶ … 10⁰ (quarter decades) the NNLS solution x_λ is computed. GCV (Golub,
  /// Heath & Wahba, Technometrics 21 (1979) 215) is GCV(λ) = N‖b − Ax_λ‖²/(N − tr H_λ)² with the
  /// effective degrees of freedom taken from the active set, as for any constrained linear
  /// smoother: on the free columns F (R∞, L, 1/C and the coefficients with x > 0) the NNLS solution is
  /// the ridge solution, so tr H_λ = tr((A_FᵀA_F + λR_FF)⁻¹ A_FᵀA_F). Ignoring the constraint
  /// (the ridge trace over all columns) counts zeroed coefficients as free and on real spectra
  /// drives GCV to the lowest λ, where the DRT breaks into spurious peaks.
  ///
  /// A minimum on a bound of the range is not an optimum but a sign that GCV has no interior
  /// minimum (e.g. correlated, non-white residuals of real data). Then the corner of the L-curve
  /// (Hansen, SIAM Rev. 34 (1992) 561) is used: the interior point of (log ‖b − Ax‖, log √(xᵀRx))
  /// with the largest curvature (three-point circle through neighbours), which balances fit and
  /// smoothness without a noise model. Deterministic; 25 NNLS solves of size M + 2.
  static func chooseLambda(gram: Matrix, rhs: [Double], penalty: Matrix, a: Matrix, b: [Double], p: Int, useL: Bool, useC: Bool) -> (lambda: Double, selection: LambdaSelection) {
    let rows = Double(a.rows)
    let steps = Int((log10(lambdaSearchRange.highest / lambdaSearchRange.lowest) * 4).rounded())
    var lambdas: [Double] = [], gcv: [Double] = [], residualNorm: [Double] = [], seminorm: [Double] = []
    for k in 0...steps {
      let lambda = lambdaSearchRange.lowest * pow(10, Double(k) / 4)
      var system = gram
      for i in 0..<p { for j in 0..<p { system[i, j] += lambda * penalty[i, j] } }
      if !useL { system[1, 1] = 1 }
      if !useC { system[2, 2] = 1 }
      let x = NonNegativeLeastSquares.solve(gram: system, rhs: rhs)
      let fit = a * x
      var rss = 0.0
      for i in 0..<b.count { rss += (b[i] - fit[i]) * (b[i] - fit[i]) }
      var smooth = 0.0
      let o = seriesColumns
      for i in o..<p { for j in o..<p { smooth += x[i] * penalty[i, j] * x[j] } }
      let free = (0..<p).filter { $0 == 0 || ($0 == 1 && useL) || ($0 == 2 && useC) || ($0 >= o && x[$0] > 0) }
      let trace = effectiveDegreesOfFreedom(system: system, gram: gram, free: free)
      let denom = rows - trace
      lambdas.append(lambda)
      residualNorm.append(max(rss, .leastNormalMagnitude).squareRoot())
      seminorm.append(max(smooth, .leastNormalMagnitude).squareRoot())
      gcv.append(denom > 0 ? rows * rss / (denom * denom) : .infinity)
    }
    let best = gcv.indices.min { gcv[$0] < gcv[$1] } ?? 0
    if best > 0 && best < lambdas.count - 1 && gcv[best].isFinite {
      return (lambdas[best], .generalisedCrossValidation)
    }
    return (lambdas[lCurveCorner(residualNorm: residualNorm, seminorm: seminorm)], .lCurveCorner)
  }

  /// tr((S_FF)⁻¹ G_FF) for the free index set F, S = G + λR.
  static func effectiveDegreesOfFreedom(system: Matrix, gram: Matrix, free: [Int]) -> Double {
    let f = free.count
    guard f > 0 else { return 0 }
    var s = Matrix(rows: f, columns: f)
    for (u, i) in free.enumerated() { for (v, j) in free.enumerated() { s[u, v] = system[i, j] } }
    guard let chol = Cholesky(s) else { return Double(f) }
    var trace = 0.0
    for (v, j) in free.enumerated() {
      let column = chol.solve(free.map { gram[$0, j] })
      trace += column[v]
    }
    return trace
  }

  /// Index of the interior point of the L-curve with the largest signed curvature; the curve runs
  /// with λ increasing (residual up, seminorm down), so its corner bends with positive sign.
  static func lCurveCorner(residualNorm: [Double], seminorm: [Double]) -> Int {
    let u = residualNorm.map { log10($0) }, v = seminorm.map { log10($0) }
    var best = (index: residualNorm.count / 2, curvature: -Double.infinity)
    guard u.count >= 3 else { return best.index }
    for k in 1..<(u.count - 1) {
      let ax = u[k] - u[k - 1], ay = v[k] - v[k - 1]
      let bx = u[k + 1] - u[k], by = v[k + 1] - v[k]
      let cx = u[k + 1] - u[k - 1], cy = v[k + 1] - v[k - 1]
      let lengths = hypot(ax, ay) * hypot(bx, by) * hypot(cx, cy)
      guard lengths > 0 else { continue }
      let curvature = 2 * (ax * by - ay * bx) / lengths
      if curvature > best.curvature { best = (k, curvature) }
    }
    return best.index
  }
}
