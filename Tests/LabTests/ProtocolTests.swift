import Engine
import XCTest

@testable import Lab

final class ProtocolTests: XCTestCase {
  private func workspace() throws -> LabWorkspace {
    try ExampleFiles.workspace()
  }

  func testPressForceOnTenMillimetreDie() {
    // F = P·A = 300 N/mm² · π·(5 mm)² = 300 · 78.5398 mm² = 23 561.9 N; / 9806.65 N = 2.4026 tf.
    let kN = CellMath.forceKilonewtons(pressureMegapascals: 300, diameterMillimetres: 10)
    XCTAssertEqual(kN, 23.5619, accuracy: 1e-4)
    XCTAssertEqual(CellMath.tonnesForce(kilonewtons: kN), 2.4026, accuracy: 1e-4)
    XCTAssertEqual(CellMath.area(diameterMillimetres: 10), 0.785398, accuracy: 1e-6)
  }

  func testA3ShowsTwentyThreePointFiveSixKilonewtons() throws {
    let ws = try workspace()
    XCTAssertEqual(ws.errors, [])
    let a3 = try XCTUnwrap(ws.protocols.protocol(id: "A3"))
    let report = try ws.report(a3)
    XCTAssertEqual(report.presses.count, 1)
    XCTAssertEqual(report.presses[0].forceKilonewtons, 23.56, accuracy: 0.005)
    XCTAssertEqual(report.presses[0].tonnesForce, 2.40, accuracy: 0.005)
    XCTAssertEqual(report.presses[0].holdHours ?? 0, 5.0 / 60, accuracy: 1e-12)
    XCTAssertEqual(report.layers.map(\.name), ["SS disc (bottom)", "LPSC pellet", "SS disc (top)"])
  }

  func testThicknessFromMassAreaAndDensity() throws {
    // 200 mg LPSC on 0.785398 cm² at 1.87 g/cm³ × 0.85:
    // t = 0.200 g / (0.785398 cm² · 1.5895 g/cm³) = 0.160206 cm = 1602.06 µm.
    XCTAssertEqual(
      CellMath.thicknessMicrometres(massMilligrams: 200, areaCm2: 0.785398, density: 1.87, relativeDensity: 0.85),
      1602.06, accuracy: 0.01)
    let ws = try workspace()
    let report = try ws.report(try XCTUnwrap(ws.protocols.protocol(id: "A3")))
    let pellet = try XCTUnwrap(report.layers.first { $0.name == "LPSC pellet" })
    XCTAssertEqual(pellet.thicknessMicrometres ?? 0, 1602.06, accuracy: 0.01)
    XCTAssertEqual(pellet.arealLoadingMilligramsPerCm2 ?? 0, 200 / 0.785398, accuracy: 1e-3)
    XCTAssertEqual(pellet.derivedFrom, "mass")
    // The composite's density by the rule of mixtures: 1/(0.8/1.87 + 0.2/2.9) = 1/0.496773 = 2.01299 g/cm³.
    let a4 = try ws.report(try XCTUnwrap(ws.protocols.protocol(id: "A4")))
    let interlayer = try XCTUnwrap(a4.layers.first { $0.material == "8S-2O" })
    XCTAssertEqual(interlayer.density?.gramsPerCm3 ?? 0, 2.01299, accuracy: 1e-5)
    XCTAssertEqual(
      a4.layers.map(\.name),
      ["Li foil (bottom)", "LPSC (bottom)", "8S-2O interlayer", "LPSC (top)", "Li foil (top)"])
    XCTAssertEqual(a4.presses.map(\.layersPressed.count), [1, 3])
  }

  func testLithiumCapacityPerMicrometre() throws {
    // 0.534 g/cm³ · 1e-4 cm · 3860 mAh/g = 0.206124 mAh/cm² per µm.
    XCTAssertEqual(CellMath.arealCapacityPerMicrometre(density: 0.534, specificCapacity: 3860), 0.206124, accuracy: 1e-6)
    let ws = try workspace()
    let a4 = try ws.report(try XCTUnwrap(ws.protocols.protocol(id: "A4")))
    XCTAssertEqual(a4.foils.count, 2)
    XCTAssertEqual(a4.foils[0].perMicrometreMilliampHoursPerCm2, 0.206124, accuracy: 1e-6)
    XCTAssertEqual(a4.foils[0].arealCapacityMilliampHoursPerCm2, 50 * 0.206124, accuracy: 1e-4)
    // Currents for current densities on the die: 4.4 mA/cm² × 0.785398 cm² = 3.4558 mA.
    let ccd = try XCTUnwrap(a4.currents.first { $0.currentDensityMilliampsPerCm2 == 4.4 })
    XCTAssertEqual(ccd.currentMilliamps, 3.4558, accuracy: 1e-4)
  }

  func testFullCellCapacityAndCRateCurrents() throws {
    let ws = try workspace()
    let a5 = try ws.report(try XCTUnwrap(ws.protocols.protocol(id: "A5")))
    let cathode = try XCTUnwrap(a5.cathode)
    // 10 mg/cm² LiCoO2 × 0.785398 cm² = 7.85398 mg; × 160 mAh/g = 1.25664 mAh at 1C;
    // composite layer mass 7.85398 / 0.70 = 11.2200 mg; areal capacity 1.6 mAh/cm².
    XCTAssertEqual(cathode.activeMassMilligrams, 7.85398, accuracy: 1e-5)
    XCTAssertEqual(cathode.layerMassMilligrams, 11.2200, accuracy: 1e-4)
    XCTAssertEqual(cathode.capacityMilliampHours, 1.25664, accuracy: 1e-5)
    XCTAssertEqual(cathode.arealCapacityMilliampHoursPerCm2, 1.6, accuracy: 1e-9)
    let oneC = try XCTUnwrap(cathode.currents.first { $0.cRate == 1 })
    XCTAssertEqual(oneC.currentMilliamps, 1.25664, accuracy: 1e-5)
    let tenthC = try XCTUnwrap(cathode.currents.first { $0.cRate == 0.1 })
    XCTAssertEqual(tenthC.currentDensityMilliampsPerCm2, 0.16, accuracy: 1e-9)
    // Composite density 1/(0.70/5.05 + 0.25/1.87 + 0.05/2.0) = 1/0.297304 = 3.36356 g/cm³;
    // thickness 11.2200 mg / (0.785398 cm² · 3.36356 · 0.85) = 49.97 µm.
    let layer = try XCTUnwrap(a5.layers.last)
    XCTAssertEqual(layer.density?.gramsPerCm3 ?? 0, 3.36356, accuracy: 1e-5)
    XCTAssertEqual(layer.thicknessMicrometres ?? 0, 49.97, accuracy: 0.01)
    XCTAssertEqual(a5.presses.map(\.pressureMegapascals), [50, 100, 300])
    XCTAssertEqual(a5.layers.first?.name, "Li foil")
    XCTAssertEqual(a5.layers.last?.name, "LCO composite cathode")
  }

  func testEveryExampleFileParses() throws {
    let ws = try workspace()
    XCTAssertEqual(ws.errors.map(\.description), [])
    XCTAssertEqual(
      Set(ws.recipes.recipes.map(\.name)),
      ["LPSC", "LATP", "LCO-composite", "9S-1O", "8S-2O", "7S-3O", "6S-4O", "5S-5O", "4S-6O"])
    XCTAssertEqual(Set(ws.protocols.protocols.map(\.id)), ["A1", "A2", "A3", "A3-Li", "A4", "A5"])
    for recipe in ws.recipes.recipes {
      let batch = try ws.recipes.scale(recipe, toGrams: 1)
      XCTAssertGreaterThan(batch.totalHours, 0, recipe.name)
      if let solution = batch.stoichiometry { XCTAssertTrue(solution.isExact, recipe.name) }
      if let balance = batch.chargeBalance { XCTAssertTrue(balance.isBalanced, recipe.name) }
    }
    for cellProtocol in ws.protocols.protocols {
      let report = try ws.report(cellProtocol)
      XCTAssertFalse(report.layers.isEmpty, cellProtocol.id)
    }
    // The materials file matches the built-in table it restates.
    XCTAssertEqual(ws.materials.entry("LPSC")?.densityGramsPerCm3, 1.87)
    XCTAssertEqual(ws.materials.defaultRelativeDensity, 0.85)
  }
}
