import Formats
import XCTest
@testable import Engine

final class ArrheniusTests: XCTestCase {
  /// paper.md, LPSC pellet: T (K), R (Ω), σ (mS/cm). Reported: slope −3.745, Ea = 0.323 eV.
  let temperatures = [343.15, 333.15, 323.15, 313.15, 303.15, 298.15, 293.15]
  let resistances = [3.49, 4.59, 6.24, 8.90, 12.32, 15.34, 19.48]
  let conductivitiesMS = [24.85, 18.90, 13.88, 9.74, 7.03, 5.65, 4.45]

  func testLPSCTableGivesThePublishedSlopeAndActivationEnergy() throws {
    let fit = try ArrheniusFit(temperaturesK: temperatures, conductivitiesSPerCm: conductivitiesMS.map { $0 / 1000 })
    XCTAssertEqual(fit.slope, -3.745, accuracy: 0.002)
    XCTAssertEqual(fit.activationEnergyEV, 0.323, accuracy: 0.001)
    XCTAssertGreaterThan(fit.rSquared, 0.99)
    // Hand check of the standard error: se(Ea) = 1000 k_B se(slope).
    XCTAssertEqual(fit.activationEnergyStandardErrorEV, fit.slopeStandardError * 1000 * 8.617333262e-5, accuracy: 1e-15)
    // The table's σ at 298.15 K is 5.65 mS/cm; the line passes close to it.
    XCTAssertEqual(fit.conductivityAt25C * 1000, 5.65, accuracy: 0.3)
  }

  /// From resistances with the pellet's L/A = 0.0867 cm⁻¹ (paper.md: σ·R is constant).
  func testFromResistancesAndGeometry() throws {
    let geometry = try PelletGeometry(cellConstantPerCm: 0.0867)
    let sigma = resistances.map { geometry.conductivity(resistanceOhm: $0) }
    XCTAssertEqual(sigma[0] * 1000, 24.85, accuracy: 0.05)
    let fit = try ArrheniusFit(temperaturesK: temperatures, conductivitiesSPerCm: sigma)
    XCTAssertEqual(fit.slope, -3.745, accuracy: 0.002)
    XCTAssertEqual(fit.activationEnergyEV, 0.323, accuracy: 0.001)
  }

  /// σ = L/(R·A) by hand: L = 0.1 cm, d = 1 cm → A = 0.785398 cm², R = 10 Ω → 0.0127324 S/cm.
  func testConductivityFromThicknessAndDiameter() throws {
    let g = try PelletGeometry(thicknessCm: 0.1, diameterCm: 1)
    XCTAssertEqual(g.conductivity(resistanceOhm: 10), 0.1 / (10 * 0.7853981633974483), accuracy: 1e-15)
    XCTAssertThrowsError(try PelletGeometry(thicknessCm: -1, diameterCm: 1))
  }

  func testPlainLnSigmaForm() throws {
    // Exact Arrhenius data σ = 100·exp(−0.3 eV/kT): the plain form gives Ea = 0.3 eV exactly.
    let t = [280.0, 300, 320, 340]
    let s = t.map { 100 * exp(-0.3 / (boltzmannEV * $0)) }
    let fit = try ArrheniusFit(temperaturesK: t, conductivitiesSPerCm: s, form: .sigma)
    XCTAssertEqual(fit.activationEnergyEV, 0.3, accuracy: 1e-12)
    XCTAssertEqual(fit.prefactor, 100, accuracy: 1e-9)
    XCTAssertEqual(fit.rSquared, 1, accuracy: 1e-12)
  }

  func testTableWithCelsiusMilliSiemensAndGrainBoundary() throws {
    let csv = """
    # LPSC-LATP pellet
    temperature_C,conductivity_mS_cm,conductivity_gb_mS_cm
    70,24.85,2.0
    60,18.90,1.2
    50,13.88,0.7
    """
    let table = try ArrheniusTable(csv: csv)
    XCTAssertEqual(table.temperaturesK, [343.15, 333.15, 323.15])
    XCTAssertEqual(table.bulk, .conductivitySPerCm([0.02485, 0.0189, 0.01388]))
    XCTAssertEqual(table.grainBoundary, .conductivitySPerCm([0.002, 0.0012, 0.0007]))
  }

  func testMalformedTablesSayWhereAndWhat() {
    func error(_ s: String) -> InputError? {
      do { _ = try ArrheniusTable(csv: s, file: "t.csv"); return nil } catch let e as InputError { return e } catch { return nil }
    }
    let noTemp = error("T,sigma\n300,1\n")
    XCTAssertEqual(noTemp?.line, 1)
    XCTAssertTrue(noTemp?.message.contains("temperature_K") ?? false)
    let bad = error("temperature_K,resistance_ohm\n300,1\n310,abc\n")
    XCTAssertEqual(bad?.line, 3)
    XCTAssertEqual(bad?.column, 5)
    XCTAssertEqual(bad?.file, "t.csv")
    XCTAssertTrue(bad?.message.contains("'abc'") ?? false)
    let short = error("temperature_K,resistance_ohm\n300\n")
    XCTAssertEqual(short?.line, 2)
    let negative = error("temperature_K,conductivity_S_cm\n300,-1\n")
    XCTAssertTrue(negative?.message.contains("positive") ?? false)
    let resistanceNoGeometry = try? ArrheniusTable(csv: "temperature_K,resistance_ohm\n300,1\n310,0.8\n")
    XCTAssertThrowsError(try resistanceNoGeometry?.bulk.conductivities(geometry: nil, label: "bulk"))
  }
}

/// The flag on an Arrhenius line whose scatter makes Ea meaningless (issue 11 §1).
final class ArrheniusReliabilityTests: XCTestCase {
  func testTheStudysLineIsSoundAndAScatteredOneIsFlagged() throws {
    // The study's seven pellets (paper.md): R = 19.48 … 3.49 Ω at 20 … 70 °C, L/A = 0.0867 cm⁻¹.
    let celsius = [20.0, 25, 30, 40, 50, 60, 70]
    let resistance = [19.48, 15.34, 12.32, 8.90, 6.24, 4.59, 3.49]
    let sound = try ArrheniusFit(
      temperaturesK: celsius.map { $0 + 273.15 }, conductivitiesSPerCm: resistance.map { 0.0867 / $0 })
    XCTAssertNil(sound.unreliability)
    // What the pane showed with the default circuit: resistances from the wrong arc at some
    // temperatures. Swapping two pellets' values ruins the line.
    var scattered = resistance
    scattered.swapAt(1, 5)
    scattered.swapAt(2, 6)
    let bad = try ArrheniusFit(
      temperaturesK: celsius.map { $0 + 273.15 }, conductivitiesSPerCm: scattered.map { 0.0867 / $0 })
    XCTAssertNotNil(bad.unreliability)
    let two = try ArrheniusFit(temperaturesK: [300, 350], conductivitiesSPerCm: [1e-3, 3e-3])
    XCTAssertEqual(two.unreliability, "only 2 temperatures: the scatter (and the error of Ea) cannot be judged")
  }
}
