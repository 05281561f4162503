import Engine
import Formats

extension MaterialsTable {
  /// Applies a `materials.toml` on top of this table:
  ///
  ///     default_relative_density = 0.85
  ///     [materials.LPSC]
  ///     density_g_cm3 = 1.87
  ///     relative_density = 0.85        # optional
  ///     specific_capacity_mah_g = 160  # optional
  ///     formula = "Li6PS5Cl"           # optional
  ///     source = "…"                   # required: every number says where it comes from
  ///
  /// A material that exists keeps what the file does not set. Errors name file and line.
  public func overridden(by text: String, fileName: String? = nil) throws -> MaterialsTable {
    let root = try TOML.parse(text, fileName: fileName)
    try root.rejectUnknownKeys(["default_relative_density", "materials"])
    var table = self
    if let value = try root.optionalPositive("default_relative_density") {
      guard value <= 1 else {
        throw root.error("'default_relative_density' must be at most 1, found \(value)", key: "default_relative_density")
      }
      table.defaultRelativeDensity = value
    }
    guard let materials = try root.optionalTable("materials") else { return table }
    for key in materials.keys {
      guard let t = try materials.optionalTable(key) else { continue }
      try t.rejectUnknownKeys([
        "density_g_cm3", "relative_density", "specific_capacity_mah_g", "formula", "source",
      ])
      let existing = table.entries.first { $0.name.lowercased() == key.lowercased() }
      guard let density = try t.optionalPositive("density_g_cm3") ?? existing?.densityGramsPerCm3
      else { throw t.error("missing key '\(t.qualified("density_g_cm3"))'") }
      let relative = try t.optionalPositive("relative_density")
      if let relative, relative > 1 {
        throw t.error("'\(t.qualified("relative_density"))' must be at most 1, found \(relative)", key: "relative_density")
      }
      guard let source = try t.optionalString("source") ?? existing?.source else {
        throw t.error("missing key '\(t.qualified("source"))': say where the density comes from")
      }
      _ = try t.optionalFormula("formula")  // a formula given must parse
      table.set(
        MaterialProperty(
          name: existing?.name ?? key, formula: try t.optionalString("formula") ?? existing?.formula,
          densityGramsPerCm3: density, relativeDensity: relative ?? existing?.relativeDensity,
          specificCapacityMilliampHoursPerGram: try t.optionalPositive("specific_capacity_mah_g")
            ?? existing?.specificCapacityMilliampHoursPerGram,
          source: source, file: fileName, line: t.line))
    }
    return table
  }
}
