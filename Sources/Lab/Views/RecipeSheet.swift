/// What the Materials pane shows for one recipe at one batch mass, already formatted: the pane
/// lays these strings out and plots `heatProfile`; it computes nothing.
public struct RecipeSheet: Sendable, Hashable {
  public let name: String
  public let title: String
  /// "2.000 g Li6PS5Cl (7.453 mmol)".
  public let batchText: String
  public let columns: [SheetColumn]
  /// One row per precursor or component, cells matching `columns`.
  public let rows: [[String]]
  /// Totals under the rows ("Total", …, weighed mass).
  public let totalRow: [String]
  public let verdicts: [Verdict]
  /// Numbered steps, each with its duration and ball mass where one applies.
  public let stepLines: [String]
  /// Where the weighed mass goes (synthesis recipes).
  public let massBalanceLines: [String]
  /// "19 h 30 min".
  public let totalTimeText: String
  /// Temperature programme, (h, °C) points, for a braille plot.
  public let heatProfile: [HeatPoint]
  /// Batches of the referenced recipes (composites): "LPSC: make 1.600 g (recipe LPSC)".
  public let subBatchLines: [String]
  public let notes: [String]

  /// Builds the sheet from a scaled batch. `notes` come from the recipe.
  public init(batch: RecipeBatch, notes: [String] = []) {
    name = batch.recipeName
    title = batch.title
    var text = LabFormat.mass(grams: batch.productGrams)
    if let product = batch.product { text += " " + product }
    if let moles = batch.productMoles { text += " (\(LabFormat.number(moles * 1000, digits: 4)) mmol)" }
    batchText = text
    columns = [
      SheetColumn("Precursor"), SheetColumn("Purity", unit: "%", numeric: true),
      SheetColumn("Amount", unit: "mmol", numeric: true), SheetColumn("Pure", unit: "g", numeric: true),
      SheetColumn("Weigh", unit: "g", numeric: true),
    ]
    rows = batch.precursors.map { line in
      var label = line.label.map { "\($0) (\(line.formula))" } ?? line.formula
      if line.excessPercent > 0 { label += " +\(LabFormat.number(line.excessPercent, digits: 3)) %" }
      let purity = LabFormat.number(line.purityPercent, digits: 4) + (line.basis == "solution" ? " wt" : "")
      return [
        label, purity, line.moles.map { LabFormat.fixed($0 * 1000, 4) } ?? "—",
        LabFormat.fixed(line.pureMassGrams, 4), LabFormat.fixed(line.weighMassGrams, 4),
      ]
    }
    totalRow = [
      "Total", "", "", LabFormat.fixed(batch.precursors.reduce(0) { $0 + $1.pureMassGrams }, 4),
      LabFormat.fixed(batch.weighedGrams, 4),
    ]
    var verdicts: [Verdict] = []
    if let charge = batch.chargeBalance, let product = batch.product {
      verdicts.append(
        Verdict(
          label: "Charge balance", text: "\(product): \(charge.explanation)",
          level: charge.isBalanced ? .ok : .error))
    }
    if let solution = batch.stoichiometry {
      verdicts.append(
        Verdict(label: "Stoichiometry", text: solution.verdict, level: solution.isExact ? .ok : .warning))
    }
    if let mixture = batch.mixtureDescription {
      verdicts.append(Verdict(label: "Mixture", text: mixture, level: .ok))
    }
    self.verdicts = verdicts
    stepLines = batch.steps.map { step in
      var line = "\(step.number). \(step.summary) — \(LabFormat.duration(hours: step.hours))"
      if let balls = step.ballMassGrams, let powder = step.powderMassGrams {
        line += "; balls \(LabFormat.mass(grams: balls)) for \(LabFormat.mass(grams: powder)) powder"
      }
      return line
    }
    massBalanceLines = batch.massBalance.map(Self.massBalanceLines) ?? []
    totalTimeText = LabFormat.duration(hours: batch.totalHours)
    heatProfile = batch.heatProfile
    subBatchLines = batch.subBatches.map { sub in
      "\(sub.recipeName): make \(LabFormat.mass(grams: sub.productGrams)) (weigh \(LabFormat.mass(grams: sub.weighedGrams)) of precursors)"
    }
    self.notes = notes
  }

  static func massBalanceLines(_ m: MassBalance) -> [String] {
    var lines = ["Weighed \(LabFormat.mass(grams: m.weighedGrams)) → product \(LabFormat.mass(grams: m.productGrams))"]
    if m.reactionVolatilesGrams > 1e-12 {
      let species = m.releasedMoles.sorted { $0.key < $1.key }.map {
        "\(LabFormat.number($0.value * 1000, digits: 4)) mmol \($0.key)"
      }
      var line = "Released by the reaction \(LabFormat.mass(grams: m.reactionVolatilesGrams))"
      if !species.isEmpty { line += " (" + species.joined(separator: ", ") + ")" }
      if m.hydrateWaterGrams > 0 { line += ", of it hydrate water \(LabFormat.mass(grams: m.hydrateWaterGrams))" }
      lines.append(line)
    }
    if m.solventGrams > 0 { lines.append("Solvent of solutions \(LabFormat.mass(grams: m.solventGrams)) (evaporates on drying)") }
    if m.excessPrecursorGrams > 0 { lines.append("Excess precursor \(LabFormat.mass(grams: m.excessPrecursorGrams)) (assumed lost)") }
    if m.impuritiesGrams > 0 { lines.append("Impurities in the reagents \(LabFormat.mass(grams: m.impuritiesGrams))") }
    return lines
  }

  /// The whole sheet as plain text (the CLI's human output).
  public var textLines: [String] {
    var lines = ["\(name) — \(title)", "Batch: \(batchText)", ""]
    lines += SheetText.table(columns: columns, rows: rows + [totalRow])
    lines.append("")
    lines += verdicts.map { "\($0.level == .ok ? "ok" : $0.level == .warning ? "!!" : "XX") \($0.label): \($0.text)" }
    if !massBalanceLines.isEmpty { lines += [""] + massBalanceLines }
    if !subBatchLines.isEmpty { lines += [""] + subBatchLines }
    lines += ["", "Steps (total \(totalTimeText)):"] + stepLines.map { "  " + $0 }
    if !notes.isEmpty { lines += [""] + notes.map { "Note: " + $0 } }
    return lines
  }
}

extension RecipeSheet {
  /// Scales `recipe` in `library` to `grams` and builds its sheet (what the pane calls when the
  /// batch mass is edited). Errors are `InputError`s for the status line.
  public static func build(recipe: Recipe, grams: Double, library: RecipeLibrary) throws -> RecipeSheet {
    RecipeSheet(batch: try library.scale(recipe, toGrams: grams), notes: recipe.notes)
  }
}
