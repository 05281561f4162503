/// What a layer does in the cell.
public enum LayerRole: String, Sendable, Hashable, CaseIterable, Codable {
  case electrolyte
  case interlayer
  case cathode
  case anode
  case electrode
  case currentCollector = "current_collector"
}

/// Where a new layer goes in the stack being built.
public enum StackPosition: String, Sendable, Hashable {
  case top
  case bottom
}

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

/// One step of an assembly protocol.
public enum AssemblyStepKind: Sendable, Hashable {
  case layer(LayerSpec)
  case press(Pressing)
  /// Anything else (sputter Au, sinter, seal the cell), optionally timed.
  case action(text: String, hours: Double?)
}

public struct AssemblyStep: Sendable, Hashable {
  public var kind: AssemblyStepKind
  public var line: Int?

  public init(_ kind: AssemblyStepKind, line: Int? = nil) {
    self.kind = kind
    self.line = line
  }
}

/// A cell-assembly protocol (the study's A1–A5), read from a workspace's `protocols/` folder.
public struct CellProtocol: Sendable, Hashable {
  public var id: String
  public var title: String
  public var dieDiameterMillimetres: Double
  public var steps: [AssemblyStep]
  /// Current densities the cell is tested at, mA/cm².
  public var currentDensitiesMilliampsPerCm2: [Double]
  /// C-rates to convert to currents (for cells with a cathode).
  public var cRates: [Double]
  public var notes: [String]
  public var file: String?
  /// The workspace files measured on a cell made by this protocol (`data_files`, paths relative
  /// to the workspace; `*` and `?` match within one path component): the impedance and cycling
  /// panes take the cell's geometry from here.
  public var dataFiles: [String]

  public init(
    id: String, title: String, dieDiameterMillimetres: Double, steps: [AssemblyStep],
    currentDensitiesMilliampsPerCm2: [Double] = [], cRates: [Double] = [], notes: [String] = [],
    file: String? = nil, dataFiles: [String] = []
  ) {
    self.dataFiles = dataFiles
    self.id = id
    self.title = title
    self.dieDiameterMillimetres = dieDiameterMillimetres
    self.steps = steps
    self.currentDensitiesMilliampsPerCm2 = currentDensitiesMilliampsPerCm2
    self.cRates = cRates
    self.notes = notes
    self.file = file
  }
}
