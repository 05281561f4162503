/// Where a running fit is, as an observer sees it once per iteration.
public struct FitProgress: Equatable, Sendable {
  /// 1 for the first iteration. A multi-stage search (several starts, then refinement) counts
  /// on across its stages, so the numbers one observer sees never decrease.
  public var iteration: Int
  /// The parameter values at the start of this iteration (all parameters, fixed ones included,
  /// in the order of the fit's `Parameters`).
  public var values: [Double]
  /// χ² = Σ rᵢ² of the weighted residuals at `values`.
  public var chiSquare: Double
  /// Which part of a multi-stage search is running ("start 3/12", "refining 1/3", "local");
  /// nil from a bare `Minimizer`.
  public var stage: String?

  public init(iteration: Int, values: [Double], chiSquare: Double, stage: String? = nil) {
    self.iteration = iteration
    self.values = values
    self.chiSquare = chiSquare
    self.stage = stage
  }
}
