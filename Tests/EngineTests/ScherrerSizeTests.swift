import Formats
import XCTest

@testable import Engine

final class ScherrerSizeTests: XCTestCase {
  func testBraggDSpacingMatchesAHandCalculation() throws {
    // d = 1.5406 / (2 sin 20°) = 1.5406 / 0.684040 = 2.252207 Å.
    let d = try ScherrerSize.dSpacing(twoTheta: Estimate(40, 0.01), wavelength: 1.5406)
    XCTAssertEqual(d.value, 2.252207, accuracy: 1e-6)
    // σ_d = d cot θ σ_θ = 2.252207 · 2.747477 · (0.005° = 8.72665e-5 rad) = 5.39995e-4 Å.
    XCTAssertEqual(d.error, 5.39995e-4, accuracy: 1e-8)
    // A cubic cell's 200 spacing is a/2: LiCl, a = 5.14 Å, 2θ(200) = 34.881601° at Cu Kα1 1.540562 Å.
    XCTAssertEqual(try ScherrerSize.dSpacing(twoTheta: Estimate(34.881601, 0), wavelength: 1.540562).value, 2.57, accuracy: 1e-6)
  }

  func testScherrerSizeMatchesAHandCalculationAndRemovesTheInstrumentInQuadrature() throws {
    // τ = 0.9 · 1.5406 / (0.2° = 3.490659e-3 rad · cos 20° = 0.939693) = 1.38654 / 3.280150e-3 = 422.707 Å.
    let size = try ScherrerSize.crystalliteSize(fwhm: Estimate(0.2, 0), twoTheta: 40, wavelength: 1.5406, shapeFactor: 0.9, instrumentalFWHM: 0)
    XCTAssertEqual(size.value, 422.707, accuracy: 1e-3)
    // B = 0.25°, b = 0.15°: β = √(0.0625 − 0.0225) = 0.2°, the same size.
    let corrected = try ScherrerSize.crystalliteSize(fwhm: Estimate(0.25, 0.01), twoTheta: 40, wavelength: 1.5406, shapeFactor: 0.9, instrumentalFWHM: 0.15)
    XCTAssertEqual(corrected.value, 422.707, accuracy: 1e-3)
    // σ_τ = τ · B/β² · σ_B = 422.707 · 0.25/0.04 · 0.01 = 26.419 Å.
    XCTAssertEqual(corrected.error, 26.419, accuracy: 1e-3)
  }

  func testLorentzianBroadeningSubtractsTheInstrumentLinearly() throws {
    // B = 0.35°, b = 0.15°: β = 0.2°, the size of the hand calculation above (422.707 Å).
    let size = try ScherrerSize.crystalliteSize(fwhm: Estimate(0.35, 0.01), twoTheta: 40, wavelength: 1.5406, shapeFactor: 0.9,
                                                instrumentalFWHM: 0.15, broadening: .lorentzian)
    XCTAssertEqual(size.value, 422.707, accuracy: 1e-3)
    // σ_τ = τ/β · σ_B = 422.707 / 0.2 · 0.01 = 21.135 Å (dβ/dB = 1).
    XCTAssertEqual(size.error, 21.135, accuracy: 1e-3)
    XCTAssertThrowsError(try ScherrerSize.crystalliteSize(fwhm: Estimate(0.15, 0), twoTheta: 40, wavelength: 1.54, shapeFactor: 0.9,
                                                          instrumentalFWHM: 0.15, broadening: .lorentzian)) {
      XCTAssertTrue("\($0)".contains("not broader than the instrument"), "\($0)")
    }
  }

  func testImpossibleInputsAreErrorsThatSayWhat() {
    XCTAssertThrowsError(try ScherrerSize.crystalliteSize(fwhm: Estimate(0.1, 0), twoTheta: 40, wavelength: 1.54, shapeFactor: 0.9, instrumentalFWHM: 0.2)) {
      XCTAssertTrue("\($0)".contains("not broader than the instrument"), "\($0)")
    }
    XCTAssertThrowsError(try ScherrerSize.crystalliteSize(fwhm: Estimate(0.2, 0), twoTheta: 190, wavelength: 1.54, shapeFactor: 0.9, instrumentalFWHM: 0))
    XCTAssertThrowsError(try ScherrerSize.crystalliteSize(fwhm: Estimate(0.2, 0), twoTheta: 40, wavelength: 1.54, shapeFactor: 0, instrumentalFWHM: 0))
    XCTAssertThrowsError(try ScherrerSize.dSpacing(twoTheta: Estimate(.nan, 0), wavelength: 1.54))
    XCTAssertThrowsError(try ScherrerSize.dSpacing(twoTheta: Estimate(40, 0), wavelength: -1))
  }
}
