import Engine
import Formats
import XCTest

@testable import Lab

/// Malformed recipe, protocol and materials files: each error names the file and the line.
final class MalformedFileTests: XCTestCase {
  private func recipeError(_ text: String) -> InputError? {
    do {
      _ = try Recipe.parse(text, fileName: "bad.toml")
      return nil
    } catch {
      return error as? InputError
    }
  }

  private func protocolError(_ text: String) -> InputError? {
    do {
      _ = try CellProtocol.parse(text, fileName: "bad.toml")
      return nil
    } catch {
      return error as? InputError
    }
  }

  /// Two lines; what a test appends starts on line 3.
  private let lpscHead = "name = \"LPSC\"\nproduct = \"Li6PS5Cl\"\n"

  func testFormulaErrorNamesLineAndColumn() throws {
    let error = try XCTUnwrap(recipeError("name = \"x\"\n\nproduct = \"Li6PXx5Cl\"\n"))
    XCTAssertEqual(error.file, "bad.toml")
    XCTAssertEqual(error.line, 3)
    XCTAssertTrue(error.message.contains("column 5"), error.message)
    XCTAssertTrue(error.message.contains("unknown element `Xx`"), error.message)
    let unbalanced = try XCTUnwrap(
      recipeError(lpscHead + "[[precursors]]\nformula = \"Li3(PO4\"\n"))
    XCTAssertEqual(unbalanced.line, 4)
    XCTAssertTrue(unbalanced.message.contains("unbalanced parentheses"), unbalanced.message)
  }

  func testTOMLSyntaxErrorKeepsItsLine() throws {
    let error = try XCTUnwrap(
      recipeError(lpscHead + "[[precursors]]\nformula = \"Li2S\"\npurity_percent = = 99\n"))
    XCTAssertEqual(error.file, "bad.toml")
    XCTAssertEqual(error.line, 5)
  }

  func testUnknownKeyAndOutOfRangeValues() throws {
    let typo = try XCTUnwrap(
      recipeError(lpscHead + "[[precursors]]\nformula = \"Li2S\"\npurty_percent = 99\n"))
    XCTAssertEqual(typo.line, 5)
    XCTAssertTrue(typo.message.contains("unknown key") && typo.message.contains("purty_percent"), typo.message)
    let over = try XCTUnwrap(
      recipeError(lpscHead + "[[precursors]]\nformula = \"Li2S\"\npurity_percent = 199\n"))
    XCTAssertEqual(over.line, 5)
    XCTAssertTrue(over.message.contains("at most 100"), over.message)
    let both = try XCTUnwrap(
      recipeError(
        lpscHead + "[[precursors]]\nformula = \"Li2S\"\n[[steps]]\ntype = \"ball_mill\"\nrpm = 600\n"
          + "time_h = 10\ntime_min = 600\n"))
    XCTAssertEqual(both.line, 9)
    let step = try XCTUnwrap(
      recipeError(lpscHead + "[[precursors]]\nformula = \"Li2S\"\n[[steps]]\ntype = \"bake\"\n"))
    XCTAssertEqual(step.line, 6)
    XCTAssertTrue(step.message.contains("unknown step type \"bake\""), step.message)
    let negative = try XCTUnwrap(
      recipeError(lpscHead + "[[precursors]]\nformula = \"Li2S\"\n[[steps]]\ntype = \"anneal\"\ntarget_c = 550\nhold_h = -6\n"))
    XCTAssertEqual(negative.line, 8)
  }

  func testRecipeStructureErrors() throws {
    let none = try XCTUnwrap(recipeError("name = \"x\"\nproduct = \"Li2S\"\n"))
    XCTAssertTrue(none.message.contains("[[precursors]]"), none.message)
    let compositeYield = try XCTUnwrap(
      recipeError("name = \"c\"\nyield = 2\n[[components]]\nrecipe = \"LPSC\"\nmass_parts = 1\n"))
    XCTAssertEqual(compositeYield.line, 2)
    let badMode = try XCTUnwrap(
      recipeError(lpscHead + "stoichiometry = \"exact\"\n[[precursors]]\nformula = \"Li2S\"\n"))
    XCTAssertEqual(badMode.line, 3)
    // A product the precursors cannot make is refused at solve time, naming the element.
    let recipe = try Recipe.parse(lpscHead + "[[precursors]]\nformula = \"Li2S\"\n", fileName: "bad.toml")
    XCTAssertThrowsError(try recipe.scaled(toGrams: 1)) { error in
      XCTAssertTrue("\(error)".contains("no precursor supplies P"), "\(error)")
      XCTAssertEqual((error as? InputError)?.file, "bad.toml")
    }
  }

  func testProtocolErrors() throws {
    let noDie = try XCTUnwrap(protocolError("id = \"X\"\n[[steps]]\ntype = \"press\"\npressure_mpa = 300\n"))
    XCTAssertEqual(noDie.line, 1)
    XCTAssertTrue(noDie.message.contains("die_diameter_mm"), noDie.message)
    let negative = try XCTUnwrap(
      protocolError("id = \"X\"\ndie_diameter_mm = 10\n[[steps]]\ntype = \"layer\"\nmaterial = \"LPSC\"\nmass_mg = -200\n"))
    XCTAssertEqual(negative.line, 6)
    XCTAssertTrue(negative.message.contains("positive"), negative.message)
    let role = try XCTUnwrap(
      protocolError("id = \"X\"\ndie_diameter_mm = 10\n[[steps]]\ntype = \"layer\"\nmaterial = \"LPSC\"\nrole = \"separator\"\n"))
    XCTAssertEqual(role.line, 6)
    let two = try XCTUnwrap(
      protocolError("id = \"X\"\ndie_diameter_mm = 10\n[[steps]]\ntype = \"layer\"\nmaterial = \"Li\"\nmass_mg = 2\nthickness_um = 50\n"))
    XCTAssertEqual(two.line, 3)
    // A powder of unknown density is refused when the thickness is derived, at its step's line.
    let unknown = try CellProtocol.parse(
      "id = \"X\"\ndie_diameter_mm = 10\n[[steps]]\ntype = \"layer\"\nmaterial = \"Unobtainium\"\nmass_mg = 20\n",
      fileName: "x.toml")
    XCTAssertThrowsError(try unknown.report()) { error in
      XCTAssertEqual((error as? InputError)?.line, 3)
      XCTAssertTrue("\(error)".contains("no density known for material `Unobtainium`"), "\(error)")
    }
  }

  func testMaterialsOverride() throws {
    let table = try MaterialsTable.builtIn.overridden(
      by: "default_relative_density = 0.8\n[materials.LPSC]\ndensity_g_cm3 = 1.64\nsource = \"measured\"\n"
        + "[materials.Cu]\ndensity_g_cm3 = 8.96\nsource = \"CRC\"\n",
      fileName: "materials.toml")
    XCTAssertEqual(table.entry("LPSC")?.densityGramsPerCm3, 1.64)
    XCTAssertEqual(table.entry("Li6PS5Cl")?.densityGramsPerCm3, 1.64)
    XCTAssertEqual(table.entry("Cu")?.line, 5)
    XCTAssertEqual(table.defaultRelativeDensity, 0.8)
    XCTAssertThrowsError(
      try MaterialsTable.builtIn.overridden(by: "[materials.Cu]\ndensity_g_cm3 = 8.96\n", fileName: "m.toml")
    ) { error in
      XCTAssertEqual((error as? InputError)?.line, 1)
      XCTAssertTrue("\(error)".contains("source"), "\(error)")
    }
    XCTAssertThrowsError(
      try MaterialsTable.builtIn.overridden(by: "default_relative_density = 1.5\n", fileName: "m.toml")
    ) { error in
      XCTAssertEqual((error as? InputError)?.line, 1)
    }
  }
}
