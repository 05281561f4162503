import Engine
import Formats
import XCTest

@testable import Lab

final class RecipeScalingTests: XCTestCase {
  func testLPSCTwoGramsMatchesHandStoichiometry() throws {
    let library = try ExampleFiles.recipes()
    let lpsc = try XCTUnwrap(library.recipe(named: "LPSC"))
    let batch = try library.scale(lpsc, toGrams: 2)
    // Hand calculation, 5 Li2S + P2S5 + 2 LiCl -> 2 Li6PS5Cl, all 99.9 %:
    //   M(Li6PS5Cl) = 6·6.94 + 30.974 + 5·32.06 + 35.45 = 268.364 g/mol
    //   n = 2 g / 268.364 g/mol = 7.4526e-3 mol
    //   Li2S: 2.5 n · (2·6.94 + 32.06 = 45.94) / 0.999            = 0.85678 g
    //   P2S5: 0.5 n · (2·30.974 + 5·32.06 = 222.248) / 0.999      = 0.82899 g
    //   LiCl: 1.0 n · (6.94 + 35.45 = 42.39) / 0.999              = 0.31623 g
    let hand = [("Li2S", 0.85678), ("P2S5", 0.82899), ("LiCl", 0.31623)]
    XCTAssertEqual(batch.precursors.map(\.formula), hand.map(\.0))
    for (line, (_, grams)) in zip(batch.precursors, hand) {
      XCTAssertEqual(line.weighMassGrams, grams, accuracy: grams * 1e-3, line.formula)
      XCTAssertEqual(line.purityPercent, 99.9)
    }
    XCTAssertEqual(batch.precursors[0].moles ?? 0, 2.5 * 2 / 268.364, accuracy: 1e-8)
    let solution = try XCTUnwrap(batch.stoichiometry)
    XCTAssertTrue(solution.isExact, solution.verdict)
    XCTAssertEqual(solution.yield, 2)
    // No volatiles: the pure masses add up to the product.
    let balance = try XCTUnwrap(batch.massBalance)
    XCTAssertEqual(balance.reactionVolatilesGrams, 0, accuracy: 1e-12)
    XCTAssertEqual(balance.impuritiesGrams, 2 / 0.999 - 2, accuracy: 1e-9)
    XCTAssertTrue(balance.releasedMoles.isEmpty, "\(balance.releasedMoles)")
    XCTAssertEqual(batch.chargeBalance?.isBalanced, true)
  }

  func testLPSCRatioYieldIsFoundFromTheElementBalance() throws {
    // Without a stated yield, 5 : 1 : 2 must be recognised as making 2 Li6PS5Cl.
    let recipe = try Recipe.parse(
      """
      name = "x"
      product = "Li6PS5Cl"
      [[precursors]]
      formula = "Li2S"
      ratio = 5
      [[precursors]]
      formula = "P2S5"
      ratio = 1
      [[precursors]]
      formula = "LiCl"
      ratio = 2
      """)
    let solution = try recipe.solveStoichiometry()
    XCTAssertEqual(solution.yield ?? 0, 2, accuracy: 1e-12)
    XCTAssertTrue(solution.isExact)
    // A wrong ratio is reported, not silently used as if right: 4 : 1 : 2 is Li-, S-short.
    let wrong = try Recipe.parse(
      """
      name = "y"
      product = "Li6PS5Cl"
      stoichiometry = "ratio"
      yield = 2
      [[precursors]]
      formula = "Li2S"
      ratio = 4
      [[precursors]]
      formula = "P2S5"
      ratio = 1
      [[precursors]]
      formula = "LiCl"
      ratio = 2
      """)
    let off = try wrong.solveStoichiometry()
    XCTAssertFalse(off.isExact)
    XCTAssertTrue(off.verdict.contains("NOT stoichiometric"), off.verdict)
  }

  func testLATPSolvedFromElementBalanceWithVolatileLosses() throws {
    let library = try ExampleFiles.recipes()
    let latp = try XCTUnwrap(library.recipe(named: "LATP"))
    let batch = try library.scale(latp, toGrams: 1)
    // Per mol Li1.3Al0.3Ti1.7(PO4)3 (M = 383.4005 g/mol): 1.3 LiOH·H2O, 0.15 Al2O3, 1.7 TiO2,
    // 3 H3PO4. For 1 g (n = 2.60824e-3 mol), written out with the abridged weights:
    //   LiOH·H2O 1.3 n · 41.962 / 0.9999 = 0.142295 g
    //   Al2O3    0.15 n · 101.961 / 0.999 = 0.0399307 g
    //   TiO2     1.7 n · 79.865 / 0.99    = 0.357699 g
    //   H3PO4    3 n · 97.994 / 0.85      = 0.902088 g (of 85 wt % solution)
    let hand = [0.142295, 0.0399307, 0.357699, 0.902088]
    for (line, grams) in zip(batch.precursors, hand) {
      XCTAssertEqual(line.weighMassGrams, grams, accuracy: grams * 1e-4, line.formula)
    }
    XCTAssertEqual(batch.precursors[3].basis, "solution")
    XCTAssertEqual(batch.precursors[3].purityPercent, 85)
    XCTAssertEqual(try XCTUnwrap(batch.stoichiometry).balancedElements, ["Li", "Al", "Ti", "P"])
    // H and O leave as water: H 1.3·3 + 3·3 = 12.9 → 6.45 H2O; O 1.3·2 + 0.45 + 3.4 + 12 = 18.45
    // supplied, 12 kept, 6.45 in the water → no O2 left. 6.45 n · 18.015 g/mol = 0.303069 g.
    let balance = try XCTUnwrap(batch.massBalance)
    let n = 1 / 383.4005
    XCTAssertEqual(balance.releasedMoles["H2O"] ?? 0, 6.45 * n, accuracy: 1e-9)
    XCTAssertNil(balance.releasedMoles["O2"])
    XCTAssertEqual(balance.reactionVolatilesGrams, 0.303069, accuracy: 1e-5)
    XCTAssertEqual(balance.hydrateWaterGrams, 1.3 * n * 18.015, accuracy: 1e-6)
    // Every weighed gram is accounted for.
    XCTAssertEqual(
      balance.weighedGrams,
      balance.productGrams + balance.reactionVolatilesGrams + balance.excessPrecursorGrams
        + balance.impuritiesGrams + balance.solventGrams, accuracy: 1e-12)
    XCTAssertEqual(balance.solventGrams, 3 * n * 97.994 * (1 / 0.85 - 1), accuracy: 1e-5)
  }

  func testExcessAppliesToOnePrecursorAndIsCountedAsLoss() throws {
    var recipe = try XCTUnwrap(try ExampleFiles.recipes().recipe(named: "LATP"))
    guard case .synthesis(var precursors, let stoichiometry) = recipe.kind else {
      return XCTFail("LATP is a synthesis")
    }
    precursors[0].excessPercent = 5
    recipe.kind = .synthesis(precursors: precursors, stoichiometry: stoichiometry)
    let batch = try recipe.scaled(toGrams: 1)
    let n = 1 / 383.4005
    XCTAssertEqual(batch.precursors[0].moles ?? 0, 1.3 * 1.05 * n, accuracy: 1e-12)
    XCTAssertEqual(batch.precursors[1].moles ?? 0, 0.15 * n, accuracy: 1e-12)
    XCTAssertEqual(try XCTUnwrap(batch.massBalance).excessPrecursorGrams, 0.05 * 1.3 * n * 41.962, accuracy: 1e-9)
  }

  func testCompositeByMassRatioWithSubBatchesAndBallMass() throws {
    let library = try ExampleFiles.recipes()
    let composite = try XCTUnwrap(library.recipe(named: "8S-2O"))
    let batch = try library.scale(composite, toGrams: 2)
    XCTAssertEqual(batch.precursors.map(\.formula), ["Li6PS5Cl", "Li1.3Al0.3Ti1.7(PO4)3"])
    XCTAssertEqual(batch.precursors[0].pureMassGrams, 1.6, accuracy: 1e-12)
    XCTAssertEqual(batch.precursors[1].pureMassGrams, 0.4, accuracy: 1e-12)
    XCTAssertEqual(batch.subBatches.map(\.productGrams), [1.6, 0.4])
    // 18 : 1 balls to 2 g powder = 36 g of ZrO2 balls; 300 rpm for 4 h.
    XCTAssertEqual(batch.steps.first?.ballMassGrams ?? 0, 36, accuracy: 1e-12)
    XCTAssertEqual(batch.totalHours, 4)
    XCTAssertEqual(batch.mixtureDescription, "80 % LPSC, 20 % LATP by mass")
  }

  func testHeatProfileAndProcessTimeOfLPSC() throws {
    let library = try ExampleFiles.recipes()
    let batch = try library.scale(try XCTUnwrap(library.recipe(named: "LPSC")), toGrams: 2)
    // Mill 10 h at room temperature; ramp (550 − 25)/5 = 105 min = 1.75 h; hold 6 h; cool 1.75 h.
    let expected: [(Double, Double)] = [(0, 25), (10, 25), (11.75, 550), (17.75, 550), (19.5, 25)]
    XCTAssertEqual(batch.heatProfile.count, expected.count)
    for (point, (h, c)) in zip(batch.heatProfile, expected) {
      XCTAssertEqual(point.hours, h, accuracy: 1e-12)
      XCTAssertEqual(point.celsius, c, accuracy: 1e-12)
    }
    XCTAssertEqual(batch.totalHours, 19.5, accuracy: 1e-12)
    XCTAssertNil(batch.steps[0].ballMassGrams)  // the source gives no ball-to-powder ratio
  }

  func testCompositeCycleAndUnknownReferenceAreErrors() throws {
    let a = try Recipe.parse(
      "name = \"A\"\n[[components]]\nrecipe = \"B\"\nmass_parts = 1\n", fileName: "A.toml")
    let b = try Recipe.parse(
      "name = \"B\"\n[[components]]\nrecipe = \"A\"\nmass_parts = 1\n", fileName: "B.toml")
    let library = RecipeLibrary(recipes: [a, b])
    XCTAssertThrowsError(try library.scale(a, toGrams: 1)) { error in
      XCTAssertTrue("\(error)".contains("cycle"), "\(error)")
    }
    let lonely = RecipeLibrary(recipes: [a])
    XCTAssertThrowsError(try lonely.scale(a, toGrams: 1)) { error in
      XCTAssertEqual((error as? InputError)?.line, 2)
      XCTAssertTrue("\(error)".contains("unknown recipe `B`"), "\(error)")
    }
    XCTAssertThrowsError(try lonely.scale(a, toGrams: -1))
  }
}
