/// The electronic-path variant's part of a run's state (`LiModelState.electronic`): everything a
/// restart needs beyond the single-potential model's fields.
public struct ElectronicPathState: Sendable, Equatable {
  /// Electronic potential φₑ (V) on all nodes (rows 0…Ny; the electrode rows hold the applied
  /// values): the warm start of the next solve and the potential of the next bulk reaction.
  public var potential: [Double]
  /// Σ Δt·R_b per node: the phase field added by reduction inside the electrolyte so far
  /// (dimensionless ξ units; × c_s is mol/m³ of Li reduced there).
  public var bulkDeposit: [Double]
  /// Iterations and relative residual of the last φₑ solve (0 and 0 before the first step).
  public var iterations = 0
  public var residual = 0.0

  public init(potential: [Double], bulkDeposit: [Double]) {
    self.potential = potential
    self.bulkDeposit = bulkDeposit
  }
}
