/// A layer put into the cell: a powder by mass, a foil or disc by thickness, or a cathode by
/// loading.
public struct LayerSpec: Sendable, Hashable {
  public var name: String
  /// Key into the materials table (or a recipe name).
  public var material: String
  public var role: LayerRole
  public var position: StackPosition
  public var massMilligrams: Double?
  public var thicknessMicrometres: Double?
  public var cathode: CathodeLoading?
  /// Diameter of this layer when it differs from the die (a 15 mm sintered ceramic).
  public var diameterMillimetres: Double?
  /// Overrides the material's relative density for this layer.
  public var relativeDensity: Double?
  public var note: String?

  public init(
    name: String, material: String, role: LayerRole, position: StackPosition = .top,
    massMilligrams: Double? = nil, thicknessMicrometres: Double? = nil,
    cathode: CathodeLoading? = nil, diameterMillimetres: Double? = nil,
    relativeDensity: Double? = nil, note: String? = nil
  ) {
    self.name = name
    self.material = material
    self.role = role
    self.position = position
    self.massMilligrams = massMilligrams
    self.thicknessMicrometres = thicknessMicrometres
    self.cathode = cathode
    self.diameterMillimetres = diameterMillimetres
    self.relativeDensity = relativeDensity
    self.note = note
  }
}
