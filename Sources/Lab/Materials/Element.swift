/// A chemical element: what a formula parser needs to turn a symbol into a mass and what the
/// charge-balance check needs to try oxidation states.
public struct Element: Sendable, Hashable, Codable {
  /// Atomic number Z (1…118).
  public let atomicNumber: Int
  /// IUPAC symbol, e.g. "Li".
  public let symbol: String
  /// English IUPAC name.
  public let name: String
  /// Standard atomic weight in g/mol (abridged IUPAC/CIAAW value, see `PeriodicTable`); for
  /// elements with no stable isotope, the mass number of the longest-lived isotope.
  public let atomicWeight: Double
  /// True when `atomicWeight` is a mass number (no standard atomic weight exists).
  public let isMassNumber: Bool
  /// Oxidation states commonly taken in compounds, most common first. Empty when none are
  /// established (the superheavy elements).
  public let commonOxidationStates: [Int]

  public init(
    atomicNumber: Int, symbol: String, name: String, atomicWeight: Double,
    isMassNumber: Bool = false, commonOxidationStates: [Int]
  ) {
    self.atomicNumber = atomicNumber
    self.symbol = symbol
    self.name = name
    self.atomicWeight = atomicWeight
    self.isMassNumber = isMassNumber
    self.commonOxidationStates = commonOxidationStates
  }
}
