/// Physical data of one material used in cells: what turns a powder mass into a layer
/// thickness, and a capacity convention where one applies.
public struct MaterialProperty: Sendable, Hashable {
  public var name: String
  /// A formula other names can match by (LiCoO2 for "Li3PO4-coated LiCoO2").
  public var formula: String?
  /// Full (theoretical or crystallographic) density, g/cm³.
  public var densityGramsPerCm3: Double
  /// Density of a cold-pressed layer relative to `densityGramsPerCm3`; nil = the table default.
  public var relativeDensity: Double?
  /// Specific capacity convention, mAh/g (160 for LiCoO2 at 1C in the study; 3860 for Li).
  public var specificCapacityMilliampHoursPerGram: Double?
  /// Where the numbers come from.
  public var source: String
  /// Where the entry was read from, when it was overridden by a file.
  public var file: String?
  public var line: Int?

  public init(
    name: String, formula: String? = nil, densityGramsPerCm3: Double,
    relativeDensity: Double? = nil, specificCapacityMilliampHoursPerGram: Double? = nil,
    source: String, file: String? = nil, line: Int? = nil
  ) {
    self.name = name
    self.formula = formula
    self.densityGramsPerCm3 = densityGramsPerCm3
    self.relativeDensity = relativeDensity
    self.specificCapacityMilliampHoursPerGram = specificCapacityMilliampHoursPerGram
    self.source = source
    self.file = file
    self.line = line
  }
}

/// A density resolved for a layer: the value, the packing, and the reasoning.
public struct ResolvedDensity: Sendable, Hashable, Codable {
  /// Full density, g/cm³.
  public let gramsPerCm3: Double
  /// Relative density of a pressed layer.
  public let relativeDensity: Double
  public let source: String
}
