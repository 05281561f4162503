import Foundation

extension PeakFitRequest {
  /// Residuals rᵢ = (yᵢ − ŷᵢ)·wᵢ from the kernel, and the exact Jacobian
  /// ∂rᵢ/∂uₖ = −wᵢ·Σⱼ ∂ŷᵢ/∂vⱼ·∂vⱼ/∂uₖ over the independent (untied) parameters uₖ, the tied vⱼ
  /// following their targets through `PeakParameter.Tie.derivative`.
  func analyticMinimizerModel(_ prepared: Prepared, kernel: PeakModelKernel) -> FitModel {
    let request = self
    let count = prepared.x.count
    // For each resolved parameter: the independent column it feeds (its own, or its target's).
    var column = [Int](repeating: -1, count: model.parameters.count)
    for (k, i) in prepared.independent.enumerated() { column[i] = k }
    var tieTarget = [Int](repeating: -1, count: model.parameters.count)
    for (i, p) in model.parameters.enumerated() {
      guard let tie = p.tie, let j = model.index(of: tie.target) else { continue }
      column[i] = column[j]
      tieTarget[i] = j
    }
    let columns = column, targets = tieTarget
    let residuals: @Sendable ([Double]) -> [Double] = { values in
      let v = request.expand(values, prepared)
      let total = kernel.total(v, fixedBackground: prepared.fixedBackground)
      return (0..<count).map { (prepared.y[$0] - total[$0]) * prepared.w[$0] }
    }
    return FitModel(residualCount: count, residuals: residuals) { values in
      let v = request.expand(values, prepared)
      let d = kernel.derivatives(v)
      let p = v.count
      var chain = [Double](repeating: 1, count: p)
      for i in 0..<p where targets[i] >= 0 {
        chain[i] = request.model.parameters[i].tie?.derivative(from: v[targets[i]]) ?? .nan
      }
      var j = Matrix(rows: count, columns: values.count)
      let n = values.count
      for row in 0..<count {
        let weight = -prepared.w[row]
        for i in 0..<p where columns[i] >= 0 {
          j.storage[row * n + columns[i]] += weight * chain[i] * d[row * p + i]
        }
      }
      return j
    }
  }
}
