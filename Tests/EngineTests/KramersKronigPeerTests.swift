import XCTest
@testable import Engine

/// Side by side with pyimpspec 5.1.3: `perform_kramers_kronig_test(test="complex",
/// add_capacitance=False, add_inductance=True, log_F_ext=0)` for every M, μ by its
/// `_calculate_mu`, Schönleber's rule (first M with μ ≤ 0.85) and pyimpspec's own method 1
/// (Yrjänä & Bobacka 2024: score −log χ²_ps/(0.85 − μ)^0.75, β = 0.75).
final class KramersKronigPeerTests: XCTestCase {
  /// Circuit1_EIS_1.z (48 points). Schönleber's rule stops at M = 4 in pyimpspec too (μ = 0.59,
  /// χ²_ps = 1.57, residuals up to 35 %): μ dips while the chain is far from the data. pyimpspec's
  /// method 1 picks M = 18 (μ = 0.843, χ²_ps = 3.86e-6, largest residuals 0.061 % real, 0.059 %
  /// imaginary); our plateau rule gives the same M and χ² within 10 %.
  func testCircuit1MatchesPyimpspec() throws {
    let spectrum = try XCTUnwrap(EISFixtures.read("Circuit1_EIS_1.z").first)
    let kk = try KramersKronigTest(spectrum)
    XCTAssertEqual(kk.elementCount, 18)
    XCTAssertEqual(kk.pseudoChiSquare, 3.86e-6, accuracy: 0.1 * 3.86e-6)
    XCTAssertEqual(kk.residualsReal.map { abs($0) }.max() ?? 0, 6.12e-4, accuracy: 1e-4)
    XCTAssertEqual(kk.residualsImaginary.map { abs($0) }.max() ?? 0, 5.94e-4, accuracy: 1e-4)
    var original = KramersKronigTest.Options()
    original.plateauFactor = .infinity
    let schoenleber = try KramersKronigTest(spectrum, options: original)
    XCTAssertEqual(schoenleber.elementCount, 4)
    XCTAssertGreaterThan(schoenleber.pseudoChiSquare, 0.5)
  }

  /// exampleData.csv (66 points). With the plain rule both stop near M = 13–14 (pyimpspec: M = 13,
  /// μ = 0.840, χ²_ps = 0.0248). Here χ² keeps falling to M = N (CPE tails beyond the window, no
  /// noise floor), so the plateau rule picks a larger M than pyimpspec's method 1 (M = 16 with its
  /// optimised τ-range extension): documented in `KramersKronigTest`; both call the data valid
  /// only at the ~1 % level.
  func testExampleDataPlainRuleMatchesPyimpspec() throws {
    let spectrum = try XCTUnwrap(EISFixtures.read("exampleData.csv").first)
    var original = KramersKronigTest.Options()
    original.plateauFactor = .infinity
    let kk = try KramersKronigTest(spectrum, options: original)
    XCTAssertEqual(Double(kk.elementCount), 13, accuracy: 1)
    XCTAssertEqual(kk.pseudoChiSquare, 0.0248, accuracy: 0.25 * 0.0248)
    let plateau = try KramersKronigTest(spectrum)
    XCTAssertLessThanOrEqual(plateau.pseudoChiSquare, kk.pseudoChiSquare)
  }
}
