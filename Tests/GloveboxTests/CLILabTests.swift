import Foundation
import XCTest

/// End-to-end tests of `glovebox formula`, `recipe` and `protocol`: the built executable is run as
/// a subprocess and its `--json` output is checked against hand calculations.
final class CLILabTests: XCTestCase {
  /// IUPAC standard atomic weights (abridged, conventional values), g/mol. Li is 6.94 (conventional
  /// value of the interval [6.938, 6.997]); the tolerances below cover the 6.941 older value too.
  private let atomicWeight: [String: Double] = [
    "Li": 6.94, "Al": 26.9815385, "Ti": 47.867, "P": 30.973762, "O": 15.999, "S": 32.06, "Cl": 35.45,
  ]

  private var examples: String { CLIRunner.repositoryRoot.appendingPathComponent("Examples").path }

  func testFormulaLATPMolarMassAndChargeBalance() throws {
    let result = try CLIRunner.run(["formula", "Li1.3Al0.3Ti1.7(PO4)3", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    // By hand: 1.3 Li + 0.3 Al + 1.7 Ti + 3 P + 12 O.
    let w = atomicWeight
    let expected = 1.3 * w["Li", default: 0] + 0.3 * w["Al", default: 0] + 1.7 * w["Ti", default: 0]
      + 3 * w["P", default: 0] + 12 * w["O", default: 0]
    XCTAssertEqual(expected, 383.3996, accuracy: 1e-3)  // the hand sum itself
    let molarMass = try XCTUnwrap(CLIRunner.number(document["molar_mass_g_mol"]))
    XCTAssertEqual(molarMass, expected, accuracy: expected * 1e-5)
    // Li+ Al3+ Ti4+ P5+ O2-: 1.3 + 0.9 + 6.8 + 15 − 24 = 0.
    XCTAssertEqual(document["charge_balanced"] as? Bool, true)
    let composition = try XCTUnwrap(document["composition"] as? [[String: Any]])
    let oxygen = try XCTUnwrap(composition.first { $0["element"] as? String == "O" })
    XCTAssertEqual(CLIRunner.number(oxygen["count"]) ?? 0, 12, accuracy: 1e-12)
    // Mass fraction of O: 12 × 15.999 / M.
    XCTAssertEqual(CLIRunner.number(oxygen["mass_fraction"]) ?? 0, 12 * 15.999 / expected, accuracy: 1e-5)
  }

  func testMetaphosphateIsNotChargeBalanced() throws {
    // (PO3)4 = P4O12: at most 4 × (+5) = +20 against 12 × (−2) = −24 — an anion, not a compound.
    let result = try CLIRunner.run(["formula", "(PO3)4", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    XCTAssertEqual(document["charge_balanced"] as? Bool, false)
    let molarMass = try XCTUnwrap(CLIRunner.number(document["molar_mass_g_mol"]))
    XCTAssertEqual(molarMass, 4 * 30.973762 + 12 * 15.999, accuracy: 1e-3)
  }

  func testUnknownElementFailsNamingTheColumn() throws {
    // "Xx" starts at column 3 of "LiXx2".
    let result = try CLIRunner.run(["formula", "LiXx2", "--json"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("formula:1:3"), result.stderr)
    XCTAssertTrue(result.stderr.contains("Xx"), result.stderr)
    XCTAssertTrue(result.stdout.isEmpty, result.stdout)
  }

  func testRecipeScaleLPSCMatchesHandStoichiometry() throws {
    let result = try CLIRunner.run(["recipe", "scale", "LPSC", "--mass", "2g", "--json", "--workspace", examples])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    // 5 Li2S + P2S5 + 2 LiCl → 2 Li6PS5Cl. For 2 g of product:
    //   M(Li6PS5Cl) = 6·6.94 + 30.973762 + 5·32.06 + 35.45 = 268.3638 g/mol → n = 2 / 268.3638 mol;
    //   n(Li2S) = 5/2 n, n(P2S5) = 1/2 n, n(LiCl) = 2/2 n; weigh mass = pure mass / 0.999.
    let w = atomicWeight
    let li = w["Li", default: 0], p = w["P", default: 0], s = w["S", default: 0], cl = w["Cl", default: 0]
    let product = 6 * li + p + 5 * s + cl
    let nProduct = 2 / product
    let hand: [String: (moles: Double, molarMass: Double)] = [
      "Li2S": (2.5 * nProduct, 2 * li + s),
      "P2S5": (0.5 * nProduct, 2 * p + 5 * s),
      "LiCl": (1.0 * nProduct, li + cl),
    ]
    // Sanity of the hand numbers: Li2S pure mass 0.8559 g, P2S5 0.8282 g, LiCl 0.3159 g (sum 2 g).
    XCTAssertEqual(hand.values.map { $0.moles * $0.molarMass }.reduce(0, +), 2, accuracy: 1e-9)
    let precursors = try XCTUnwrap(document["precursors"] as? [[String: Any]])
    XCTAssertEqual(precursors.count, 3)
    for precursor in precursors {
      let formula = try XCTUnwrap(precursor["formula"] as? String)
      let expected = try XCTUnwrap(hand[formula], "unexpected precursor \(formula)")
      let pure = expected.moles * expected.molarMass
      let weigh = pure / 0.999
      XCTAssertEqual(CLIRunner.number(precursor["pure_mass_g"]) ?? 0, pure, accuracy: pure * 1e-3, formula)
      XCTAssertEqual(CLIRunner.number(precursor["weigh_mass_g"]) ?? 0, weigh, accuracy: weigh * 1e-3, formula)
      XCTAssertEqual(CLIRunner.number(precursor["moles"]) ?? 0, expected.moles, accuracy: expected.moles * 1e-3, formula)
    }
  }

  func testUnknownRecipeFails() throws {
    let result = try CLIRunner.run(["recipe", "scale", "NoSuchRecipe", "--mass", "2g", "--json", "--workspace", examples])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("NoSuchRecipe"), result.stderr)
    XCTAssertTrue(result.stdout.isEmpty, result.stdout)
  }

  func testMalformedRecipeNamesFileAndLine() throws {
    let workspace = try CLIRunner.temporaryFolder(self)
    let recipes = workspace.appendingPathComponent("recipes")
    try FileManager.default.createDirectory(at: recipes, withIntermediateDirectories: true)
    // Line 3 has no value after `=`.
    let text = "name = \"Broken\"\nproduct = \"Li2S\"\nyield = \n"
    try text.write(to: recipes.appendingPathComponent("Broken.toml"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["recipe", "scale", "Broken", "--mass", "1g", "--json", "--workspace", workspace.path])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("Broken.toml:3"), result.stderr)
  }

  func testProtocolA3PressingForce() throws {
    let result = try CLIRunner.run(["protocol", "show", "A3", "--json", "--workspace", examples])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    XCTAssertEqual(CLIRunner.number(document["die_diameter_mm"]) ?? 0, 10, accuracy: 1e-12)
    let steps = try XCTUnwrap(document["pressing_steps"] as? [[String: Any]])
    let step = try XCTUnwrap(steps.first { (CLIRunner.number($0["pressure_MPa"]) ?? 0) == 300 })
    // F = 300 MPa × π (5 mm)² = 300e6 Pa × 7.853982e-5 m² = 23 561.9 N = 23.56 kN.
    let expected = 300e6 * Double.pi * 0.005 * 0.005 / 1000
    XCTAssertEqual(expected, 23.56, accuracy: 0.005)
    XCTAssertEqual(CLIRunner.number(step["force_kN"]) ?? 0, expected, accuracy: 1e-6)
  }
}
