/// The point fields of a run snapshot (`LiModel.checkpoint()`) as a person sees them: the
/// symbol and unit a field map's colour bar shows, and whether the field is something to look
/// at or only restart state (the solvers' warm starts), so a viewer offers ξ, c, φ, ∂ξ/∂t and
/// the strains and leaves out the rest.
public struct SnapshotField: Sendable, Equatable {
  /// The DataArray name in the .vti file.
  public var name: String
  /// Symbol for labels, e.g. "ξ", "c", "φ".
  public var symbol: String
  /// SI unit as written in the snapshot ("" for dimensionless).
  public var unit: String
  /// False for restart-only state (previous potentials and strains, the preconditioner's σ).
  public var isViewable: Bool

  public init(name: String, symbol: String, unit: String, isViewable: Bool) {
    self.name = name
    self.symbol = symbol
    self.unit = unit
    self.isViewable = isViewable
  }

  /// The fields `LiModel.checkpoint()` writes, viewable ones first in the order a viewer cycles
  /// through them (ξ is the default).
  public static let known: [SnapshotField] = [
    SnapshotField(name: "xi", symbol: "ξ", unit: "", isViewable: true),
    SnapshotField(name: "concentration", symbol: "c", unit: "mol/m³", isViewable: true),
    SnapshotField(name: "potential", symbol: "φ", unit: "V", isViewable: true),
    SnapshotField(name: "phase_rate", symbol: "∂ξ/∂t", unit: "1/s", isViewable: true),
    SnapshotField(name: "electronic_potential", symbol: "φₑ", unit: "V", isViewable: true),
    SnapshotField(name: "bulk_deposit", symbol: "ξ (bulk-reduced)", unit: "", isViewable: true),
    SnapshotField(name: "strain_xx", symbol: "εxx", unit: "", isViewable: true),
    SnapshotField(name: "strain_yy", symbol: "εyy", unit: "", isViewable: true),
    SnapshotField(name: "strain_xy", symbol: "εxy", unit: "", isViewable: true),
    SnapshotField(name: "preconditioner_sigma", symbol: "σ (preconditioner)", unit: "S/m", isViewable: false),
    SnapshotField(name: "previous_potential", symbol: "φ (previous step)", unit: "V", isViewable: false),
    SnapshotField(name: "older_potential", symbol: "φ (older step)", unit: "V", isViewable: false),
  ] + ["previous", "older"].flatMap { age in
    ["xx", "yy", "xy"].map { SnapshotField(name: "\(age)_strain_\($0)", symbol: "ε\($0) (\(age))", unit: "", isViewable: false) }
  }

  /// The description of a DataArray name; a name this version does not know is shown as it is,
  /// with no unit claimed, and viewable.
  public static func named(_ name: String) -> SnapshotField {
    known.first { $0.name == name } ?? SnapshotField(name: name, symbol: name, unit: "?", isViewable: true)
  }

  /// The viewable fields among a snapshot's DataArray names, in `known` order, unknown ones last.
  public static func viewable(among names: [String]) -> [SnapshotField] {
    let order = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1.name, $0) })
    return names.map(named).filter(\.isViewable).sorted { (order[$0.name] ?? Int.max, $0.name) < (order[$1.name] ?? Int.max, $1.name) }
  }
}
