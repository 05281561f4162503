import Engine
import Formats

extension CellProtocol {
  /// Reads a protocol file (format in Examples/protocols/README.md). `defaultID` (the file's base
  /// name) is used when the file has no `id`. Errors are `InputError`s with file and line;
  /// unknown keys are errors.
  public static func parse(_ text: String, fileName: String? = nil, defaultID: String? = nil)
    throws -> CellProtocol
  {
    let root = try TOML.parse(text, fileName: fileName)
    try root.rejectUnknownKeys([
      "id", "title", "die_diameter_mm", "current_densities_ma_cm2", "c_rates", "notes", "steps",
      "data_files",
    ])
    guard let id = try root.optionalString("id") ?? defaultID, !id.isEmpty else {
      throw root.error("missing key 'id'")
    }
    let die = try root.positive("die_diameter_mm")
    let stepTables = try root.tables("steps")
    guard !stepTables.isEmpty else { throw root.error("a protocol needs at least one [[steps]]") }
    let densities = try root.doubles("current_densities_ma_cm2") ?? []
    let rates = try root.doubles("c_rates") ?? []
    for value in densities + rates where !(value > 0) {
      throw root.error(
        "current densities and C-rates must be positive, found \(value)",
        key: densities.contains(value) ? "current_densities_ma_cm2" : "c_rates")
    }
    return CellProtocol(
      id: id, title: try root.optionalString("title") ?? id, dieDiameterMillimetres: die,
      steps: try stepTables.map(parseStep), currentDensitiesMilliampsPerCm2: densities,
      cRates: rates, notes: try root.textLines("notes"), file: fileName,
      dataFiles: try dataFilePatterns(root))
  }

  /// `data_files`: workspace-relative paths or patterns; empty entries and absolute paths are
  /// refused (a workspace is a movable folder).
  private static func dataFilePatterns(_ root: TOMLTable) throws -> [String] {
    let patterns = try root.strings("data_files") ?? []
    for pattern in patterns where pattern.isEmpty || pattern.hasPrefix("/") {
      throw root.error(
        "'data_files' holds workspace-relative paths such as \"eis/pellet_*C.csv\", found \"\(pattern)\"", key: "data_files")
    }
    return patterns
  }

  private static func parseStep(_ t: TOMLTable) throws -> AssemblyStep {
    let type = try t.string("type")
    switch type {
    case "layer":
      return AssemblyStep(.layer(try parseLayer(t)), line: t.line)
    case "press":
      try t.rejectUnknownKeys(["type", "pressure_mpa", "hold_min", "hold_s", "hold_h", "die_diameter_mm", "note"])
      let pressing = Pressing(
        pressureMegapascals: try t.positive("pressure_mpa"), holdHours: try t.optionalHours("hold"),
        dieDiameterMillimetres: try t.optionalPositive("die_diameter_mm"),
        note: try t.optionalString("note"))
      return AssemblyStep(.press(pressing), line: t.line)
    case "action":
      try t.rejectUnknownKeys(["type", "text", "time_h", "time_min", "time_s"])
      return AssemblyStep(
        .action(text: try t.string("text"), hours: try t.optionalHours("time")), line: t.line)
    default:
      throw t.error("unknown step type \"\(type)\" (expected layer, press or action)", key: "type")
    }
  }

  private static func parseLayer(_ t: TOMLTable) throws -> LayerSpec {
    try t.rejectUnknownKeys([
      "type", "name", "material", "role", "position", "mass_mg", "thickness_um", "diameter_mm",
      "relative_density", "loading_mg_cm2", "loading_basis", "active_material", "active_fraction",
      "specific_capacity_mah_g", "note",
    ])
    let material = try t.string("material")
    let roleText = try t.optionalString("role") ?? "electrolyte"
    guard let role = LayerRole(rawValue: roleText) else {
      throw t.error(
        "unknown role \"\(roleText)\" (expected \(LayerRole.allCases.map(\.rawValue).joined(separator: ", ")))",
        key: "role")
    }
    let positionText = try t.optionalString("position") ?? "top"
    guard let position = StackPosition(rawValue: positionText) else {
      throw t.error("'position' must be \"top\" or \"bottom\", found \"\(positionText)\"", key: "position")
    }
    let mass = try t.optionalPositive("mass_mg")
    let thickness = try t.optionalPositive("thickness_um")
    var cathode: CathodeLoading?
    if let loading = try t.optionalPositive("loading_mg_cm2") {
      let basis = try t.optionalString("loading_basis") ?? "active"
      guard basis == "active" || basis == "composite" else {
        throw t.error("'loading_basis' must be \"active\" or \"composite\", found \"\(basis)\"", key: "loading_basis")
      }
      let fraction = try t.optionalPositive("active_fraction") ?? 1
      guard fraction <= 1 else {
        throw t.error("'active_fraction' is a mass fraction (0–1), found \(fraction)", key: "active_fraction")
      }
      cathode = CathodeLoading(
        milligramsPerCm2: loading, activeBasis: basis == "active", activeFraction: fraction,
        activeMaterial: try t.optionalString("active_material") ?? material,
        specificCapacityMilliampHoursPerGram: try t.optionalPositive("specific_capacity_mah_g"))
    } else {
      for key in ["loading_basis", "active_material", "active_fraction", "specific_capacity_mah_g"] where t.contains(key) {
        throw t.error("'\(key)' needs 'loading_mg_cm2' (a cathode layer)", key: key)
      }
    }
    let given = [mass != nil, thickness != nil, cathode != nil].filter { $0 }.count
    if given > 1 {
      throw t.error("give one of 'mass_mg', 'thickness_um' or 'loading_mg_cm2' for a layer")
    }
    let relative = try t.optionalPositive("relative_density")
    if let relative, relative > 1 {
      throw t.error("'relative_density' must be at most 1, found \(relative)", key: "relative_density")
    }
    return LayerSpec(
      name: try t.optionalString("name") ?? material, material: material, role: role,
      position: position, massMilligrams: mass, thicknessMicrometres: thickness, cathode: cathode,
      diameterMillimetres: try t.optionalPositive("diameter_mm"), relativeDensity: relative,
      note: try t.optionalString("note"))
  }
}
