import XCTest

@testable import Lab

final class SheetTests: XCTestCase {
  func testRecipeSheetForLPSC() throws {
    let library = try ExampleFiles.recipes()
    let sheet = try RecipeSheet.build(recipe: try XCTUnwrap(library.recipe(named: "LPSC")), grams: 2, library: library)
    XCTAssertEqual(sheet.batchText, "2.000 g Li6PS5Cl (7.453 mmol)")
    // Weigh-out column: the hand values 0.85678, 0.82899, 0.31623 g to 4 decimals.
    XCTAssertEqual(sheet.rows.map { $0[4] }, ["0.8568", "0.8290", "0.3162"])
    XCTAssertEqual(sheet.rows[0][0], "Li2S")
    XCTAssertEqual(sheet.rows[0][1], "99.9")
    XCTAssertEqual(sheet.totalRow.last, "2.0020")
    XCTAssertEqual(sheet.verdicts.map(\.level), [.ok, .ok])
    XCTAssertTrue(sheet.verdicts[0].text.contains("Li+1 P+5 S−2 Cl−1"), sheet.verdicts[0].text)
    XCTAssertEqual(sheet.totalTimeText, "19 h 30 min")
    XCTAssertEqual(sheet.stepLines.count, 2)
    XCTAssertTrue(sheet.stepLines[1].hasPrefix("2. Anneal 550 °C, hold 6 h, ramp 5 °C/min"), sheet.stepLines[1])
    let text = sheet.textLines.joined(separator: "\n")
    XCTAssertTrue(text.contains("Weigh (g)"), text)
  }

  func testRecipeSheetForLATPShowsSolutionAndVolatiles() throws {
    let library = try ExampleFiles.recipes()
    let sheet = try RecipeSheet.build(recipe: try XCTUnwrap(library.recipe(named: "LATP")), grams: 1, library: library)
    XCTAssertEqual(sheet.rows[3][1], "85 wt")
    XCTAssertEqual(sheet.rows[1][0], "nano Al2O3 (Al2O3)")
    XCTAssertTrue(sheet.massBalanceLines.contains { $0.contains("mmol H2O") }, "\(sheet.massBalanceLines)")
    XCTAssertTrue(sheet.massBalanceLines.contains { $0.hasPrefix("Solvent of solutions") })
  }

  func testProtocolSheetForA3() throws {
    let ws = try ExampleFiles.workspace()
    let a3 = try XCTUnwrap(ws.protocols.protocol(id: "A3"))
    let sheet = ProtocolSheet(cellProtocol: a3, report: try ws.report(a3))
    XCTAssertEqual(sheet.dieText, "10 mm die, 0.7854 cm²")
    XCTAssertEqual(sheet.pressRows, [["2", "300", "23.56", "2.40", "5 min", "10"]])
    XCTAssertEqual(sheet.layerRows.map { $0[0] }, ["SS disc (top)", "LPSC pellet", "SS disc (bottom)"])
    XCTAssertEqual(sheet.layerRows[1][3], "1602")
    XCTAssertEqual(sheet.runSteps.map(\.holdSeconds), [nil, 300, nil, nil])
    XCTAssertEqual(sheet.runSteps[1].title, "Press 300 MPa: set 23.56 kN (2.40 tf)")
    XCTAssertEqual(sheet.runSteps[0].title, "Spread LPSC pellet: 200 mg LPSC on the top")
  }

  func testStackBandHeightsAreProportionalWithAMinimumOfOneRow() throws {
    let ws = try ExampleFiles.workspace()
    let a2 = try XCTUnwrap(ws.protocols.protocol(id: "A2"))
    let sheet = ProtocolSheet(cellProtocol: a2, report: try ws.report(a2))
    // Au 0.1 µm / LATP 1000 µm / Au 0.1 µm: the films keep one row each, LATP takes the rest.
    XCTAssertEqual(sheet.bandHeights(rows: 20), [1, 18, 1])
    XCTAssertEqual(sheet.bandHeights(rows: 0), [0, 0, 0])
    XCTAssertEqual(sheet.bandHeights(rows: 1), [0, 1, 0])
    let a4 = try XCTUnwrap(ws.protocols.protocol(id: "A4"))
    let sandwich = ProtocolSheet(cellProtocol: a4, report: try ws.report(a4))
    // Li 50 | LPSC 400.5 | 8S-2O 744.2 | LPSC 400.5 | Li 50 µm (total 1645.2): 25 spare rows
    // shared as 0.76, 6.09, 11.31, 6.09, 0.76 → floors 0, 6, 11, 6, 0 (23) + 2 by remainder (Li).
    let heights = sandwich.bandHeights(rows: 30)
    XCTAssertEqual(heights.reduce(0, +), 30)
    XCTAssertEqual(heights, [2, 7, 12, 7, 2])
  }
}
