import XCTest
@testable import Engine

final class KramersKronigTests: XCTestCase {
  /// A spectrum of a real circuit is Kramers–Kronig consistent: residuals at the noise level.
  func testCircuitSpectrumPassesWithNoiseLevelResiduals() throws {
    // Depressed arcs (CPE n = 0.8 and 0.85), as real electrolytes show. (An ideal Debye RC lying
    // between two τ grid points is Lin-KK's known worst case: the chain needs alternating signs.)
    let circuit = try Circuit("R0-p(R1,CPE1)-p(R2,CPE2)")
    let truth = [10, 100, 1e-6, 0.8, 300, 1e-3, 0.85]
    let clean = synthesize(circuit, truth, decades: (6, -2))
    let kk = try KramersKronigTest(clean)
    XCTAssertTrue(kk.valid, kk.verdict)
    XCTAssertLessThanOrEqual(kk.mu, 0.85)
    XCTAssertLessThan(kk.maxAbsoluteResidual, 0.01)
    // With 0.5 % Gaussian noise on each part, the noise estimate comes back near 0.5 %.
    let noisy = synthesize(circuit, truth, decades: (6, -2), noise: 0.005, seed: 7)
    let kkNoisy = try KramersKronigTest(noisy)
    XCTAssertTrue(kkNoisy.valid, kkNoisy.verdict)
    XCTAssertEqual(kkNoisy.noiseEstimatePercent, 0.5, accuracy: 0.2)
  }

  /// The RC chain reproduces an exact Voigt spectrum: with M fixed at the elements' own τ grid the
  /// fit is exact (hand construction: 3 elements at τ = 1/ω_max, geometric mean, 1/ω_min).
  func testExactVoigtSpectrumIsReproducedExactly() throws {
    let f = (0..<81).map { pow(10, 4 - Double($0) / 10) }
    let taus = [1 / (2 * Double.pi * 1e4), 1 / (2 * Double.pi), 1 / (2 * Double.pi * 1e-4)].map { $0 }
    let tauMid = pow(10, (log10(taus[0]) + log10(taus[2])) / 2)
    let r = [5.0, 20.0, 40.0]
    let z = f.map { fi -> ComplexNumber in
      let w = 2 * Double.pi * fi
      return ComplexNumber(3) + r[0] / ComplexNumber(1, w * taus[0]) + r[1] / ComplexNumber(1, w * tauMid) + r[2] / ComplexNumber(1, w * taus[2])
    }
    let s = ImpedanceSpectrum(name: "voigt", frequencies: f, real: z.map(\.re), imaginary: z.map(\.im))
    var options = KramersKronigTest.Options()
    options.fixedElements = 3
    let kk = try KramersKronigTest(s, options: options)
    XCTAssertEqual(kk.ohmicResistance, 3, accuracy: 1e-9)
    for k in 0..<3 { XCTAssertEqual(kk.resistances[k], r[k], accuracy: 1e-9) }
    XCTAssertLessThan(kk.pseudoChiSquare, 1e-20)
  }

  /// A system that drifts while it is measured (R1 grows 40 % from the first to the last point,
  /// as a degrading interface does) fails the test.
  func testDriftingSpectrumFails() throws {
    let circuit = try Circuit("R0-p(R1,CPE1)-p(R2,C2)")
    let f = (0..<61).map { pow(10, 5 - Double($0) / 10) }
    let z = f.enumerated().map { i, fi in
      circuit.impedance([10, 100 * (1 + 0.4 * Double(i) / 60), 2e-6, 0.85, 300 * (1 + 0.4 * Double(i) / 60), 1e-3], frequency: fi)
    }
    let s = ImpedanceSpectrum(name: "drift", frequencies: f, real: z.map(\.re), imaginary: z.map(\.im))
    let kk = try KramersKronigTest(s)
    XCTAssertFalse(kk.valid, kk.verdict)
    XCTAssertGreaterThan(kk.noiseEstimatePercent, 1)
  }

  func testRejectsTooFewPointsAndBadFrequencies() {
    let s = ImpedanceSpectrum(name: "x", frequencies: [1, 2], real: [1, 1], imaginary: [0, 0])
    XCTAssertThrowsError(try KramersKronigTest(s))
    let bad = ImpedanceSpectrum(name: "x", frequencies: [1, -2, 3], real: [1, 1, 1], imaginary: [0, 0, 0])
    XCTAssertThrowsError(try KramersKronigTest(bad))
  }
}
