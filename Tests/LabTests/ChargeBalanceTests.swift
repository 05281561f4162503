import XCTest

@testable import Lab

final class ChargeBalanceTests: XCTestCase {
  private func balance(_ text: String) throws -> ChargeBalance {
    try Formula.parse(text).chargeBalance()
  }

  func testLATPBalancedWithTheExpectedStates() throws {
    let result = try balance("Li1.3Al0.3Ti1.7(PO4)3")
    XCTAssertTrue(result.isBalanced, result.explanation)
    // 1.3·(+1) + 0.3·(+3) + 1.7·(+4) + 3·(+5) + 12·(−2) = 1.3 + 0.9 + 6.8 + 15 − 24 = 0
    let states = Dictionary(uniqueKeysWithValues: result.assignment.map { ($0.symbol, $0.state) })
    XCTAssertEqual(states, ["Li": 1, "Al": 3, "Ti": 4, "P": 5, "O": -2])
    XCTAssertEqual(result.residualCharge, 0, accuracy: 1e-12)
  }

  func testSourceTypoIsUnbalanced() throws {
    // (PO3)4: 1.3 + 0.9 + 6.8 + 4·5 − 12·2 = +5; with P(III) 1.3 + 0.9 + 6.8 + 12 − 24 = −3;
    // the closest is Ti(II): 1.3 + 0.9 + 3.4 + 20 − 24 = +1.6 — still more than a whole electron.
    let result = try balance("Li1.3Al0.3Ti1.7(PO3)4")
    XCTAssertFalse(result.isBalanced)
    XCTAssertEqual(result.residualCharge, 1.6, accuracy: 1e-9)
    XCTAssertTrue(result.explanation.contains("not charge-balanced"), result.explanation)
  }

  func testStudyCompoundsBalance() throws {
    for text in [
      "Li6PS5Cl", "Li2S", "P2S5", "LiCl", "LiCoO2", "Li3PO4", "H3PO4", "Al2O3", "TiO2",
      "LiOH·H2O", "CuSO4·5H2O", "Li7La3Zr2O12", "Li0.33La0.56TiO3", "C", "Li",
    ] {
      let result = try balance(text)
      XCTAssertTrue(result.isBalanced, "\(text): \(result.explanation)")
    }
    let lpsc = try balance("Li6PS5Cl")
    XCTAssertEqual(lpsc.assignment.map(\.state), [1, 5, -2, -1])
  }

  func testWrongFormulasAreFlagged() throws {
    for text in ["Li3PS5", "Li6PS5", "Al2O2", "LiO", "Li2Cl"] {
      XCTAssertFalse(try balance(text).isBalanced, text)
    }
    // An element without established oxidation states cannot be balanced.
    XCTAssertFalse(try balance("OgF2").isBalanced)
  }
}

extension ChargeBalanceTests {
  func testManyElementsStayTractableAndPreferCommonStates() throws {
    // Nine elements with up to five states each (~4 000 assignments before pruning).
    // First-listed states: Li+1 Mg+2 Co+3 Ni+2 Cu+2 Zn+2 Mn+2 Fe+3 give
    // 0.5 + 0.2 + 0.3 + 0.2 + 0.2 + 0.2 + 0.2 + 0.3 = 2.1 = 1.05 × 2 for O−2: balanced, and the
    // search must prefer that assignment over the other zero-sum ones (Co+2 with Mn+3 …).
    let result = try balance("Li0.5Mg0.1Co0.1Ni0.1Cu0.1Zn0.1Mn0.1Fe0.1O1.05")
    XCTAssertTrue(result.isBalanced, result.explanation)
    let states = Dictionary(uniqueKeysWithValues: result.assignment.map { ($0.symbol, $0.state) })
    XCTAssertEqual(states, ["Li": 1, "Mg": 2, "Co": 3, "Ni": 2, "Cu": 2, "Zn": 2, "Mn": 2, "Fe": 3, "O": -2])
    // One more O2− cannot be compensated: every metal at its highest common state gives 2.7.
    XCTAssertFalse(try balance("Li0.5Mg0.1Co0.1Ni0.1Cu0.1Zn0.1Mn0.1Fe0.1O1.4").isBalanced)
  }
}
