import Formats

/// The `[electronic]` table of a simulation config: its presence switches on the electronic-path
/// variant of the Li model (`ElectronicPath`); without it the model is the single-potential one
/// of paper.md. Every key but `upper_electrolyte_conductivity` is required, so no value of this
/// mechanism is ever a silent default. SI units (S/m, m²/(V s)).
public struct ElectronicPathSettings: Sendable, Equatable {
  /// Electronic conductivity σ_n of the electrolyte below `layerHeight`·Ly (all of it without
  /// an upper value), S/m. Table S1's σ_Li read as electronic conductivity: LPSC 3.73e-9 S/cm =
  /// 3.73e-7 S/m, 8S-2O 1.91e-9 S/cm = 1.91e-7 S/m. Zero switches the path off (the variant is
  /// then the single-potential model exactly: no electrons in the electrolyte, no bulk reaction).
  public var electrolyteConductivity: Double
  /// σ_n of the electrolyte from `layerHeight`·Ly up (model 3's interlayer), S/m; nil = the lower.
  public var upperElectrolyteConductivity: Double?
  /// σ_n of the lithium metal (ξ = 1), S/m: electrons reach the anode interface through it.
  public var metalConductivity: Double
  /// Electron mobility μ_e in the electrolyte, m²/(V s): with σ_n it gives the electron density
  /// n_e = σ_n/(F μ_e) (mol/m³) that the bulk reduction rate is first order in.
  public var electronMobility: Double

  public init(electrolyteConductivity: Double, upperElectrolyteConductivity: Double? = nil,
              metalConductivity: Double, electronMobility: Double) {
    self.electrolyteConductivity = electrolyteConductivity
    self.upperElectrolyteConductivity = upperElectrolyteConductivity
    self.metalConductivity = metalConductivity
    self.electronMobility = electronMobility
  }

  /// True when electrons move through the electrolyte (both layers' σ_n > 0).
  public var isActive: Bool { electrolyteConductivity > 0 }

  static let keys = ["electrolyte_conductivity", "upper_electrolyte_conductivity", "metal_conductivity",
                     "electron_mobility"]

  /// Reads the table; errors name the key's line.
  static func read(_ t: TOMLTable) throws -> ElectronicPathSettings {
    try SimulationConfig.check(t, allowed: Set(keys))
    func required(_ key: String, _ what: String) throws -> Double {
      guard let v = try t.optionalDouble(key) else {
        throw t.error("[electronic] needs '\(t.qualified(key))' (\(what)); it has no default", key: nil)
      }
      return v
    }
    let lower = try required("electrolyte_conductivity", "the electrolyte's electronic conductivity, S/m")
    let metal = try required("metal_conductivity", "the metal's electronic conductivity, S/m")
    let mobility = try required("electron_mobility", "the electron mobility in the electrolyte, m²/(V s)")
    let upper = try t.optionalDouble("upper_electrolyte_conductivity")
    guard lower >= 0, lower.isFinite else {
      throw t.error("'\(t.qualified("electrolyte_conductivity"))' must be ≥ 0 S/m", key: "electrolyte_conductivity")
    }
    if let upper {
      // a layer without electrons beside one with them would leave φₑ undefined in it
      guard upper > 0, upper.isFinite, lower > 0 else {
        throw t.error("'\(t.qualified("upper_electrolyte_conductivity"))' must be positive, and needs a positive electrolyte_conductivity",
                      key: "upper_electrolyte_conductivity")
      }
    }
    guard metal > 0, metal.isFinite else {
      throw t.error("'\(t.qualified("metal_conductivity"))' must be positive (S/m)", key: "metal_conductivity")
    }
    guard mobility > 0, mobility.isFinite else {
      throw t.error("'\(t.qualified("electron_mobility"))' must be positive (m²/(V s))", key: "electron_mobility")
    }
    return ElectronicPathSettings(electrolyteConductivity: lower, upperElectrolyteConductivity: upper,
                                  metalConductivity: metal, electronMobility: mobility)
  }

  /// The table as `SimulationConfig.tomlText()` writes it (round-trips through `read`).
  func tomlLines() -> [String] {
    var lines = ["", "[electronic]", "electrolyte_conductivity = \(electrolyteConductivity)"]
    if let v = upperElectrolyteConductivity { lines.append("upper_electrolyte_conductivity = \(v)") }
    lines += ["metal_conductivity = \(metalConductivity)", "electron_mobility = \(electronMobility)"]
    return lines
  }
}
