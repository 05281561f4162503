import Engine
import Formats
import XCTest

@testable import Lab

/// Inputs the fuzz smoke test found (Tests/Fuzz/README.md): a purity that parses as a positive
/// number but makes a weigh-out infinite, and formulas nested deeper than the parser recurses.
final class FuzzFoundLabInputTests: XCTestCase {
  static let recipe = """
    name = "LiCl-only"
    product = "LiCl"
    stoichiometry = "ratio"
    [[precursors]]
    formula = "LiCl"
    purity_percent = PURITY
    ratio = 1
    """

  func testADenormalPurityIsRefusedNotWeighedOutAsInfinity() throws {
    // 2 g of LiCl from 99.9 % LiCl: 2 / 0.999 = 2.002 g weighed out.
    let sound = try Recipe.parse(Self.recipe.replacingOccurrences(of: "PURITY", with: "99.9"), fileName: "r.toml")
    XCTAssertEqual(try sound.scaled(toGrams: 2).precursors[0].weighMassGrams, 2 / 0.999, accuracy: 1e-12)
    // 4.9e-324 % is positive, but 2 g divided by 4.9e-326 is inf.
    let denormal = try Recipe.parse(Self.recipe.replacingOccurrences(of: "PURITY", with: "4.9e-324"), fileName: "r.toml")
    XCTAssertThrowsError(try denormal.scaled(toGrams: 2)) { error in
      let input = error as? InputError
      XCTAssertEqual(input?.file, "r.toml")
      XCTAssertTrue(input?.message.contains("the weigh-out of LiCl is not a finite number") ?? false, "\(error)")
    }
  }

  func testFormulaBracketsNestAtMostAHundredDeep() throws {
    // 50 nested groups around Li: still one Li, molar mass 6.94 g/mol.
    let fifty = String(repeating: "(", count: 50) + "Li" + String(repeating: ")", count: 50)
    XCTAssertEqual(try Formula.parse(fifty).molarMass, 6.94, accuracy: 0.01)
    // 20 000 opening brackets overflowed the stack; the 101st is refused at its column (101).
    let deep = String(repeating: "(", count: 20_000) + "Li"
    XCTAssertThrowsError(try Formula.parse(deep)) { error in
      XCTAssertEqual((error as? InputError)?.column, 101, "\(error)")
    }
  }

  func testSubscriptsTooLargeForAMolarMassAreRefused() throws {
    // 400 nines: Double reads inf; refused at the number's column (3).
    XCTAssertThrowsError(try Formula.parse("Li" + String(repeating: "9", count: 400))) { error in
      XCTAssertEqual((error as? InputError)?.column, 3, "\(error)")
    }
    // Twenty nested groups each × 10²⁰: every number finite, the product 10⁴⁰⁰ is not.
    var text = "Li"
    for _ in 0..<20 { text = "(" + text + ")1" + String(repeating: "0", count: 20) }
    XCTAssertThrowsError(try Formula.parse(text)) { error in
      XCTAssertTrue("\(error)".contains("molar mass is not a finite number"), "\(error)")
    }
    // Ten such groups (10²⁰⁰ Li) still have a finite mass: 6.94 × 10²⁰⁰ g/mol.
    var ten = "Li"
    for _ in 0..<10 { ten = "(" + ten + ")1" + String(repeating: "0", count: 20) }
    XCTAssertEqual(try Formula.parse(ten).molarMass / 1e200, 6.94, accuracy: 0.01)
  }
}
