/// A uniaxial pressing in the die.
public struct Pressing: Sendable, Hashable {
  public var pressureMegapascals: Double
  /// Hold time, h; nil when the source does not state one.
  public var holdHours: Double?
  /// Die diameter when it differs from the protocol's.
  public var dieDiameterMillimetres: Double?
  public var note: String?

  public init(
    pressureMegapascals: Double, holdHours: Double? = nil, dieDiameterMillimetres: Double? = nil,
    note: String? = nil
  ) {
    self.pressureMegapascals = pressureMegapascals
    self.holdHours = holdHours
    self.dieDiameterMillimetres = dieDiameterMillimetres
    self.note = note
  }
}
