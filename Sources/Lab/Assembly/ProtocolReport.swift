/// A layer of the stack with its derived numbers.
public struct LayerReport: Sendable, Hashable, Codable {
  public let name: String
  public let material: String
  public let role: LayerRole
  public let diameterMillimetres: Double
  public let areaCm2: Double
  public let massMilligrams: Double?
  public let thicknessMicrometres: Double?
  /// mg/cm² of the whole layer.
  public let arealLoadingMilligramsPerCm2: Double?
  /// What the thickness or mass was derived from: "mass", "thickness", "loading" or "none".
  public let derivedFrom: String
  public let density: ResolvedDensity?
  public let note: String?
  /// The protocol step that put it in (1-based).
  public let step: Int
}

/// A pressing step with the force an operator sets.
public struct PressReport: Sendable, Hashable, Codable {
  public let step: Int
  public let pressureMegapascals: Double
  public let holdHours: Double?
  public let dieDiameterMillimetres: Double
  public let areaCm2: Double
  public let forceKilonewtons: Double
  public let tonnesForce: Double
  /// The layers in the die when it is pressed, bottom to top.
  public let layersPressed: [String]
}

/// A current for a C-rate or a current density.
public struct CurrentPoint: Sendable, Hashable, Codable {
  /// The C-rate (for cathode currents) or nil.
  public let cRate: Double?
  public let currentDensityMilliampsPerCm2: Double
  public let currentMilliamps: Double
}

/// The cathode's active mass and capacity.
public struct CathodeReport: Sendable, Hashable, Codable {
  public let layer: String
  public let activeMaterial: String
  public let activeMassMilligrams: Double
  public let layerMassMilligrams: Double
  public let specificCapacityMilliampHoursPerGram: Double
  /// Capacity at 1C, mAh.
  public let capacityMilliampHours: Double
  public let arealCapacityMilliampHoursPerCm2: Double
  public let currents: [CurrentPoint]
}

/// A lithium (or other metal) foil's capacity.
public struct FoilCapacityReport: Sendable, Hashable, Codable {
  public let layer: String
  public let thicknessMicrometres: Double
  public let perMicrometreMilliampHoursPerCm2: Double
  public let arealCapacityMilliampHoursPerCm2: Double
}

/// A protocol with every derived number: die area, layer thicknesses, press forces,
/// capacities and currents.
public struct ProtocolReport: Sendable, Hashable {
  public let id: String
  public let title: String
  public let dieDiameterMillimetres: Double
  public let dieAreaCm2: Double
  /// The finished stack, bottom to top.
  public let layers: [LayerReport]
  public let presses: [PressReport]
  public let cathode: CathodeReport?
  public let foils: [FoilCapacityReport]
  /// Currents for the protocol's current densities on the die area.
  public let currents: [CurrentPoint]
  public let notes: [String]
  /// Sum of known layer thicknesses, µm.
  public var stackThicknessMicrometres: Double {
    layers.compactMap(\.thicknessMicrometres).reduce(0, +)
  }
}
