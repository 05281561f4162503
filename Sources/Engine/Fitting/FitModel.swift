/// What a least-squares fit minimises: a residual vector r(p) (already weighted, so the objective
/// is χ² = Σ rᵢ²) and, when known, its Jacobian ∂rᵢ/∂pⱼ with respect to ALL parameters (fixed ones
/// included; the minimizer drops their columns). Without a Jacobian the minimizer differentiates
/// numerically. The closures must be pure: the minimizer may call them from any thread.
public struct FitModel: Sendable {
  public let residualCount: Int
  public let residuals: @Sendable ([Double]) -> [Double]
  public let jacobian: (@Sendable ([Double]) -> Matrix)?

  public init(residualCount: Int, residuals: @escaping @Sendable ([Double]) -> [Double],
              jacobian: (@Sendable ([Double]) -> Matrix)? = nil) {
    self.residualCount = residualCount
    self.residuals = residuals
    self.jacobian = jacobian
  }

  /// Forward-difference Jacobian, step h = √ε·max(|p|, 1e-300·…) relative to each parameter.
  public func numericalJacobian(_ p: [Double]) -> Matrix {
    let r0 = residuals(p)
    var j = Matrix(rows: residualCount, columns: p.count)
    for k in 0..<p.count {
      var q = p
      let h = 1.4901161193847656e-08 * (p[k] == 0 ? 1 : abs(p[k]))
      q[k] += h
      let r1 = residuals(q)
      let step = q[k] - p[k]
      for i in 0..<residualCount { j[i, k] = (r1[i] - r0[i]) / step }
    }
    return j
  }
}
