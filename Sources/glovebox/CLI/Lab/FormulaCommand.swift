import ArgumentParser
import Engine
import Formats
import Foundation
import Lab

/// `glovebox formula FORMULA`: molar mass, composition and charge balance of a formula.
struct FormulaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "formula",
    abstract: "Molar mass, composition and charge balance of a chemical formula.",
    discussion: "Examples: glovebox formula 'Li1.3Al0.3Ti1.7(PO4)3'   glovebox formula 'LiOH*H2O' --json")

  @Argument(help: "The formula, e.g. Li6PS5Cl, Li1.3Al0.3Ti1.7(PO4)3, LiOH·H2O or LiOH*H2O.")
  var formula: String

  @Flag(name: .long, help: "Print one JSON document.")
  var json = false

  func run() throws {
    let parsed: Formula
    do {
      parsed = try Formula.parse(formula)
    } catch let error as InputError {
      // Point at the column in the argument, the way a compiler points into a file.
      let column = error.column ?? 1
      FileHandle.standardError.write(
        Data(
          ("formula:1:\(column): \(error.message)\n  \(formula)\n  "
            + String(repeating: " ", count: max(0, column - 1)) + "^\n").utf8))
      throw ExitCode(2)
    }
    let balance = parsed.chargeBalance()
    if json {
      try printJSON(FormulaDocument(parsed, balance))
      return
    }
    var lines = [
      parsed.text, "Molar mass: \(LabFormat.fixed(parsed.molarMass, 4)) g/mol", "",
    ]
    let columns = [
      SheetColumn("Element"), SheetColumn("Atoms", numeric: true),
      SheetColumn("Atom", unit: "%", numeric: true), SheetColumn("Mass", unit: "%", numeric: true),
    ]
    let rows = parsed.composition.map {
      [
        $0.symbol, LabFormat.number($0.count, digits: 6), LabFormat.fixed($0.moleFraction * 100, 3),
        LabFormat.fixed($0.massFraction * 100, 3),
      ]
    }
    lines += SheetText.table(columns: columns, rows: rows)
    lines += ["", "Charge balance: \(balance.explanation)"]
    LabCLI.printLines(lines)
  }
}

/// JSON shape of `glovebox formula --json`.
private struct FormulaDocument: Encodable {
  struct Share: Encodable {
    let element: String
    let count: Double
    let mole_fraction: Double
    let mass_fraction: Double
  }
  let formula: String
  let molar_mass_g_mol: Double
  let composition: [Share]
  let charge_balanced: Bool
  let oxidation_states: [String: Int]
  let residual_charge: Double?
  let charge_balance: String
  let adduct_molar_mass_g_mol: Double

  init(_ formula: Formula, _ balance: ChargeBalance) {
    self.formula = formula.text
    molar_mass_g_mol = formula.molarMass
    composition = formula.composition.map {
      Share(element: $0.symbol, count: $0.count, mole_fraction: $0.moleFraction, mass_fraction: $0.massFraction)
    }
    charge_balanced = balance.isBalanced
    oxidation_states = Dictionary(uniqueKeysWithValues: balance.assignment.map { ($0.symbol, $0.state) })
    residual_charge = finite(balance.residualCharge)
    charge_balance = balance.explanation
    adduct_molar_mass_g_mol = formula.adductMolarMass
  }
}
