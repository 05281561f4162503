/// A cathode layer's loading and active material.
public struct CathodeLoading: Sendable, Hashable {
  /// Areal loading, mg/cm².
  public var milligramsPerCm2: Double
  /// True when the loading counts the active material only (LiCoO2), false when it counts the
  /// whole composite.
  public var activeBasis: Bool
  /// Mass fraction of active material in the layer (0.70 for the 70 : 25 : 5 composite).
  public var activeFraction: Double
  public var activeMaterial: String
  /// Capacity convention, mA·h/g of active material (1C = this many mA/g); nil = the
  /// materials table's value for the active material.
  public var specificCapacityMilliampHoursPerGram: Double?

  public init(
    milligramsPerCm2: Double, activeBasis: Bool, activeFraction: Double, activeMaterial: String,
    specificCapacityMilliampHoursPerGram: Double? = nil
  ) {
    self.milligramsPerCm2 = milligramsPerCm2
    self.activeBasis = activeBasis
    self.activeFraction = activeFraction
    self.activeMaterial = activeMaterial
    self.specificCapacityMilliampHoursPerGram = specificCapacityMilliampHoursPerGram
  }
}
