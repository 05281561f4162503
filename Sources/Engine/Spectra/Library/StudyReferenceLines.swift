/// The study's reference lines (paper.md, Tables S2 and S6): Raman bands with their assignment and
/// compound, XPS lines with species and, for doublets, both components' binding energies.
public struct RamanReferenceBand: Sendable, Equatable {
  /// Raman shift, cm⁻¹ (the study quotes them as approximate, "~").
  public var shift: Double
  public var assignment: String
  public var compound: String
}

public struct XPSReferenceLine: Sendable, Equatable {
  /// e.g. "P 2p", "O 1s".
  public var core: String
  public var species: String
  /// Binding energy of the line, or of its j = l + ½ component for a doublet, eV.
  public var bindingEnergy: Double
  /// Binding energy of the j = l − ½ component, eV (nil for singlets).
  public var upperBindingEnergy: Double?
  public var doublet: DoubletKind?
  /// Spin-orbit splitting, eV (nil for singlets).
  public var splitting: Double? { upperBindingEnergy.map { $0 - bindingEnergy } }
}

public enum StudyReferenceLines {
  /// Table S2 of the study.
  public static let raman: [RamanReferenceBand] = [
    RamanReferenceBand(shift: 195, assignment: "PS4³⁻", compound: "LPSC"),
    RamanReferenceBand(shift: 272, assignment: "δ(S–P–S) in PS4³⁻", compound: "LPSC"),
    RamanReferenceBand(shift: 315, assignment: "A1g mode", compound: "LATP"),
    RamanReferenceBand(shift: 354, assignment: "Eg mode", compound: "LATP"),
    RamanReferenceBand(shift: 383, assignment: "T2g phonon", compound: "Li2S"),
    RamanReferenceBand(shift: 425, assignment: "νs(PS4³⁻)", compound: "LPSC"),
    RamanReferenceBand(shift: 570, assignment: "PS4³⁻", compound: "LPSC"),
    RamanReferenceBand(shift: 600, assignment: "PS4³⁻", compound: "LPSC"),
    RamanReferenceBand(shift: 1008, assignment: "νs(PO4³⁻)", compound: "LATP"),
    RamanReferenceBand(shift: 1094, assignment: "νas(PO4³⁻)", compound: "LATP"),
  ]

  /// Table S6 of the study (LPSC/8S-2O interface).
  public static let xps: [XPSReferenceLine] = [
    XPSReferenceLine(core: "P 2p", species: "PS4³⁻", bindingEnergy: 160.33, upperBindingEnergy: 161.54, doublet: .p),
    XPSReferenceLine(core: "Cl 2p", species: "Cl⁻", bindingEnergy: 197.66, upperBindingEnergy: 199.26, doublet: .p),
    XPSReferenceLine(core: "Ti 2p", species: "Ti⁴⁺", bindingEnergy: 460.08, upperBindingEnergy: 465.77, doublet: .p),
    XPSReferenceLine(core: "Ti 2p", species: "Ti³⁺", bindingEnergy: 459.03, upperBindingEnergy: 464.81, doublet: .p),
    XPSReferenceLine(core: "O 1s", species: "O²⁻ (LATP)", bindingEnergy: 531.25, upperBindingEnergy: nil, doublet: nil),
    XPSReferenceLine(core: "O 1s", species: "Ti2O3", bindingEnergy: 530.25, upperBindingEnergy: nil, doublet: nil),
  ]

  /// Raman bands within `tolerance` cm⁻¹ of `shift`, nearest first.
  public static func ramanBands(near shift: Double, tolerance: Double = 10) -> [RamanReferenceBand] {
    raman.filter { abs($0.shift - shift) <= tolerance }.sorted { abs($0.shift - shift) < abs($1.shift - shift) }
  }
}
