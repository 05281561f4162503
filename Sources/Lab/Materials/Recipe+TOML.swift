import Engine
import Formats

extension Recipe {
  /// Reads a recipe file. `defaultName` (usually the file's base name) is used when the file has
  /// no `name`. Every error is an `InputError` with the file and line of the offending key;
  /// unknown keys are errors. The format is documented in Examples/recipes/README.md.
  public static func parse(_ text: String, fileName: String? = nil, defaultName: String? = nil)
    throws -> Recipe
  {
    let root = try TOML.parse(text, fileName: fileName)
    try root.rejectUnknownKeys([
      "name", "title", "product", "stoichiometry", "yield", "balance_elements", "notes",
      "precursors", "components", "steps",
    ])
    guard let name = try root.optionalString("name") ?? defaultName, !name.isEmpty else {
      throw root.error("missing key 'name'")
    }
    let product = try root.optionalFormula("product")
    let precursorTables = try root.tables("precursors")
    let componentTables = try root.tables("components")
    let kind: RecipeKind
    switch (precursorTables.isEmpty, componentTables.isEmpty) {
    case (false, false):
      throw root.error("a recipe has either [[precursors]] or [[components]], not both", key: "components")
    case (true, true):
      throw root.error("a recipe needs [[precursors]] (a synthesis) or [[components]] (a composite)")
    case (false, true):
      guard product != nil else { throw root.error("missing key 'product' (the formula made)") }
      let precursors = try precursorTables.map(parsePrecursor)
      let stoichiometry = try parseStoichiometry(root, precursors)
      kind = .synthesis(precursors: precursors, stoichiometry: stoichiometry)
    case (true, false):
      kind = .composite(components: try componentTables.map(parseComponent))
    }
    if case .composite = kind {
      for key in ["stoichiometry", "yield", "balance_elements"] where root.contains(key) {
        throw root.error("a composite is made by mass ratio and has no '\(key)'", key: key)
      }
    }
    var balance: [String]?
    if let symbols = try root.strings("balance_elements") {
      for symbol in symbols where PeriodicTable.element(symbol: symbol) == nil {
        throw root.error("unknown element `\(symbol)` in 'balance_elements'", key: "balance_elements")
      }
      balance = symbols
    }
    return Recipe(
      name: name, title: try root.optionalString("title") ?? product?.text ?? name,
      product: product, kind: kind, balanceElements: balance,
      steps: try root.tables("steps").map(parseStep), notes: try root.textLines("notes"),
      file: fileName)
  }

  private static func parseStoichiometry(_ root: TOMLTable, _ precursors: [Precursor]) throws
    -> Stoichiometry
  {
    let mode = try root.optionalString("stoichiometry")
      ?? (precursors.contains { $0.ratio != nil } ? "ratio" : "product")
    switch mode {
    case "ratio":
      return .ratio(yield: try root.optionalPositive("yield"))
    case "product":
      if root.contains("yield") {
        throw root.error("'yield' belongs to ratio recipes (stoichiometry = \"ratio\")", key: "yield")
      }
      if let p = precursors.first(where: { $0.ratio != nil }) {
        throw InputError(
          "'ratio' is given but stoichiometry = \"product\" solves the amounts; remove one",
          file: root.fileName, line: p.line)
      }
      return .product
    default:
      throw root.error(
        "'stoichiometry' must be \"ratio\" or \"product\", found \"\(mode)\"", key: "stoichiometry")
    }
  }

  private static func parsePrecursor(_ t: TOMLTable) throws -> Precursor {
    try t.rejectUnknownKeys([
      "formula", "label", "purity_percent", "solution_wt_percent", "ratio", "excess_percent",
    ])
    if t.contains("purity_percent"), t.contains("solution_wt_percent") {
      throw t.error(
        "give 'purity_percent' for a solid or 'solution_wt_percent' for a solution, not both",
        key: "solution_wt_percent")
    }
    return Precursor(
      formula: try t.formula("formula"), label: try t.optionalString("label"),
      purityPercent: try t.optionalPercent("purity_percent") ?? 100,
      solutionWeightPercent: try t.optionalPercent("solution_wt_percent"),
      ratio: try t.optionalPositive("ratio"),
      excessPercent: try t.optionalPositive("excess_percent", allowZero: true) ?? 0, line: t.line)
  }

  private static func parseComponent(_ t: TOMLTable) throws -> CompositeComponent {
    try t.rejectUnknownKeys(["name", "recipe", "formula", "mass_parts", "purity_percent"])
    let recipe = try t.optionalString("recipe")
    let formula = try t.optionalFormula("formula")
    guard let name = try t.optionalString("name") ?? recipe ?? formula?.text else {
      throw t.error("a component needs 'name', 'recipe' or 'formula'")
    }
    return CompositeComponent(
      name: name, recipe: recipe, formula: formula, massParts: try t.positive("mass_parts"),
      purityPercent: try t.optionalPercent("purity_percent") ?? 100, line: t.line)
  }

  private static func parseStep(_ t: TOMLTable) throws -> ProcessStep {
    let type = try t.string("type")
    switch type {
    case "ball_mill":
      try t.rejectUnknownKeys([
        "type", "rpm", "time_h", "time_min", "vial", "balls", "ball_to_powder", "atmosphere", "note",
      ])
      let mill = BallMilling(
        rpm: try t.positive("rpm"), hours: try t.hours("time", allowZero: false),
        vial: try t.optionalString("vial"), balls: try t.optionalString("balls"),
        ballToPowderRatio: try t.optionalPositive("ball_to_powder"),
        atmosphere: try t.optionalString("atmosphere"), note: try t.optionalString("note"))
      return ProcessStep(.ballMill(mill), line: t.line)
    case "mix":
      try t.rejectUnknownKeys(["type", "method", "time_h", "time_min", "medium", "note"])
      let mix = Mixing(
        method: try t.optionalString("method") ?? "hand", hours: try t.hours("time", allowZero: false),
        medium: try t.optionalString("medium"), note: try t.optionalString("note"))
      return ProcessStep(.mix(mix), line: t.line)
    default:
      guard let kind = HeatTreatmentKind(rawValue: type) else {
        throw t.error(
          "unknown step type \"\(type)\" (expected ball_mill, mix, dry, calcine, anneal or sinter)",
          key: "type")
      }
      try t.rejectUnknownKeys([
        "type", "target_c", "hold_h", "hold_min", "ramp_c_per_min", "cool_c_per_min", "atmosphere",
        "start_c", "note",
      ])
      let heat = HeatTreatment(
        kind: kind, targetCelsius: try t.double("target_c"), holdHours: try t.hours("hold"),
        rampCelsiusPerMinute: try t.optionalPositive("ramp_c_per_min"),
        coolCelsiusPerMinute: try t.optionalPositive("cool_c_per_min"),
        atmosphere: try t.optionalString("atmosphere"),
        startCelsius: try t.optionalDouble("start_c") ?? 25, note: try t.optionalString("note"))
      return ProcessStep(.heat(heat), line: t.line)
    }
  }
}
