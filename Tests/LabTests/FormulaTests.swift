import Engine
import Formats
import XCTest

@testable import Lab

final class FormulaTests: XCTestCase {
  // Abridged IUPAC 2021 weights, written out so the hand sums below do not go through the table.
  let li = 6.94, al = 26.982, ti = 47.867, p = 30.974, o = 15.999, h = 1.0080
  let s = 32.06, cl = 35.45, cu = 63.546, co = 58.933

  func testTableHasAll118ElementsInOrder() {
    XCTAssertEqual(PeriodicTable.elements.count, 118)
    for (i, element) in PeriodicTable.elements.enumerated() {
      XCTAssertEqual(element.atomicNumber, i + 1)
      XCTAssertGreaterThan(element.atomicWeight, 0)
    }
    XCTAssertEqual(Set(PeriodicTable.elements.map(\.symbol)).count, 118)
    XCTAssertEqual(PeriodicTable.element(symbol: "Og")?.atomicNumber, 118)
    XCTAssertEqual(PeriodicTable.element(atomicNumber: 3)?.atomicWeight, 6.94)
    XCTAssertEqual(PeriodicTable.element(symbol: "Tc")?.isMassNumber, true)
    XCTAssertNil(PeriodicTable.element(atomicNumber: 119))
    // Weights increase with Z except the known inversions Ar/K, Co/Ni, Te/I, Th/Pa, U/Np, Pu/Am.
    let inversions: Set<String> = ["Ar", "Co", "Te", "Th", "U", "Pu", "Es", "Lr", "Sg", "Bh", "Og"]
    for (a, b) in zip(PeriodicTable.elements, PeriodicTable.elements.dropFirst())
    where !inversions.contains(a.symbol) {
      XCTAssertLessThan(a.atomicWeight, b.atomicWeight + 1e-9, "\(a.symbol) → \(b.symbol)")
    }
  }

  func testLATPMolarMassWithNestedGroupAndFractions() throws {
    let latp = try Formula.parse("Li1.3Al0.3Ti1.7(PO4)3")
    XCTAssertEqual(latp.count(of: "P"), 3)
    XCTAssertEqual(latp.count(of: "O"), 12)
    XCTAssertEqual(latp.count(of: "Li"), 1.3, accuracy: 1e-12)
    XCTAssertEqual(latp.symbols, ["Li", "Al", "Ti", "P", "O"])
    let hand = 1.3 * li + 0.3 * al + 1.7 * ti + 3 * p + 12 * o  // 383.4005 g/mol
    XCTAssertEqual(latp.molarMass, hand, accuracy: 1e-9)
    XCTAssertEqual(latp.molarMass, 383.4005, accuracy: 1e-4)
  }

  func testHydratesWithDotStarAndMultiplier() throws {
    let dot = try Formula.parse("LiOH·H2O")
    let star = try Formula.parse("LiOH*H2O")
    XCTAssertEqual(dot.molarMass, li + 3 * h + 2 * o, accuracy: 1e-9)  // 41.962 g/mol
    XCTAssertEqual(star.amounts, dot.amounts)
    XCTAssertEqual(dot.components.count, 2)
    XCTAssertEqual(dot.adductMolarMass, 2 * h + o, accuracy: 1e-9)
    let vitriol = try Formula.parse("CuSO4·5H2O")
    XCTAssertEqual(vitriol.molarMass, cu + s + 4 * o + 5 * (2 * h + o), accuracy: 1e-9)
    XCTAssertEqual(vitriol.molarMass, 249.68, accuracy: 0.01)  // CRC Handbook: 249.69
    XCTAssertEqual(vitriol.count(of: "H"), 10)
    XCTAssertEqual(vitriol.count(of: "O"), 9)
  }

  func testWhitespaceAndBracketsAndNesting() throws {
    let spaced = try Formula.parse("  Li6 P S5 Cl ")
    XCTAssertEqual(spaced.molarMass, 6 * li + p + 5 * s + cl, accuracy: 1e-9)
    XCTAssertEqual(spaced.text, "Li6 P S5 Cl")
    let nested = try Formula.parse("K4[Fe(CN)6]")
    XCTAssertEqual(nested.count(of: "C"), 6)
    XCTAssertEqual(nested.count(of: "N"), 6)
    let deep = try Formula.parse("((OH)2)3")
    XCTAssertEqual(deep.count(of: "H"), 6)
    XCTAssertEqual(try Formula.parse("Li.5CoO2").count(of: "Li"), 0.5)
    XCTAssertEqual(try Formula.parse("Li₂S").molarMass, 2 * li + s, accuracy: 1e-12)
    XCTAssertEqual(try Formula.parse("CuSO₄·5H₂O").count(of: "H"), 10)
  }

  func testCompositionFractionsSumToOne() throws {
    let lco = try Formula.parse("LiCoO2")
    let shares = lco.composition
    XCTAssertEqual(shares.map(\.symbol), ["Li", "Co", "O"])
    XCTAssertEqual(shares[2].moleFraction, 0.5, accuracy: 1e-12)
    let m = li + co + 2 * o  // 97.871 g/mol
    XCTAssertEqual(shares[1].massFraction, co / m, accuracy: 1e-12)
    XCTAssertEqual(shares.reduce(0) { $0 + $1.massFraction }, 1, accuracy: 1e-12)
  }

  private func column(of text: String) -> (Int?, String) {
    do {
      _ = try Formula.parse(text)
      return (nil, "parsed")
    } catch let error as InputError {
      return (error.column, error.message)
    } catch {
      return (nil, "\(error)")
    }
  }

  func testErrorsNameColumnAndExpectation() {
    var (col, message) = column(of: "LiXx2O")
    XCTAssertEqual(col, 3)
    XCTAssertTrue(message.contains("unknown element `Xx`"), message)
    (col, message) = column(of: "Li3(PO4")
    XCTAssertEqual(col, 4)
    XCTAssertTrue(message.contains("unbalanced parentheses"), message)
    (col, message) = column(of: "LiPO4)3")
    XCTAssertEqual(col, 6)
    XCTAssertTrue(message.contains("unbalanced parentheses"), message)
    (col, message) = column(of: "Li()2")
    XCTAssertEqual(col, 3)
    XCTAssertTrue(message.contains("empty group"), message)
    (col, message) = column(of: "Li1.2.3O")
    XCTAssertEqual(col, 3)
    XCTAssertTrue(message.contains("bad number `1.2.3`"), message)
    (col, message) = column(of: "Li2.O")
    XCTAssertEqual(col, 3)
    XCTAssertTrue(message.contains("digits after the decimal point"), message)
    (col, message) = column(of: "LiO0")
    XCTAssertEqual(col, 4)
    XCTAssertTrue(message.contains("positive"), message)
    (col, message) = column(of: "LiOH·")
    XCTAssertEqual(col, 6)
    XCTAssertTrue(message.contains("after `·`"), message)
    (col, message) = column(of: "")
    XCTAssertEqual(col, 1)
    (col, message) = column(of: "li2S")
    XCTAssertEqual(col, 1)
    XCTAssertTrue(message.contains("capital letter"), message)
    (col, message) = column(of: "Li2S+")
    XCTAssertEqual(col, 5)
    (col, message) = column(of: "(Li]2")
    XCTAssertEqual(col, 4)
    XCTAssertTrue(message.contains("expected `)`"), message)
    // Columns count characters, not bytes: `·` is one column.
    (col, message) = column(of: "LiOH·Qq")
    XCTAssertEqual(col, 6)
  }
}
