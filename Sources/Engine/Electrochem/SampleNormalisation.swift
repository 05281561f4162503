/// Electrode area and active mass, and the lab units they turn absolute quantities into.
/// Engine values are A and Ah; the results are mA/cm², mAh/cm², mA/g and mAh/g.
public struct SampleNormalisation: Sendable, Equatable {
  /// cm², if known.
  public var area: Double?
  /// g of active material, if known.
  public var activeMass: Double?

  public init(area: Double? = nil, activeMass: Double? = nil) {
    self.area = area
    self.activeMass = activeMass
  }

  /// j = 1000·I / A (mA/cm² from A and cm²).
  public func currentDensity(_ current: Double) -> Double? { area.map { current * 1000 / $0 } }
  /// Q / A (mAh/cm² from Ah).
  public func arealCapacity(_ capacity: Double) -> Double? { area.map { capacity * 1000 / $0 } }
  /// Q / m (mAh/g from Ah and g).
  public func specificCapacity(_ capacity: Double) -> Double? { activeMass.map { capacity * 1000 / $0 } }
  /// I / m (mA/g from A and g).
  public func specificCurrent(_ current: Double) -> Double? { activeMass.map { current * 1000 / $0 } }
}

extension CyclingData {
  /// Per-point normalised columns (empty when the area or the mass is unknown).
  public func normalised(by sample: SampleNormalisation) -> (
    currentDensity: [Double], arealCapacity: [Double], specificCapacity: [Double]
  ) {
    (
      sample.area == nil ? [] : current.map { sample.currentDensity($0) ?? .nan },
      sample.area == nil ? [] : capacity.map { sample.arealCapacity($0) ?? .nan },
      sample.activeMass == nil ? [] : capacity.map { sample.specificCapacity($0) ?? .nan }
    )
  }
}
