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
