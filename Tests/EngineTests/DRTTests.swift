import XCTest
@testable import Engine

final class DRTTests: XCTestCase {
  /// Two ZARC arcs (R = 100 Ω at τ = 1e-4 s and R = 200 Ω at τ = 0.1 s, φ = 0.9) behind R∞ = 10 Ω:
  /// the peaks sit at the τ of each arc (within 0.1 decade; the ZARC's DRT is symmetric in ln τ)
  /// and their areas are the arcs' resistances.
  func testTwoZarcPeaksAtTheirTimeConstantsWithTheirResistances() throws {
    let circuit = try Circuit("R0-Zarc1-Zarc2")
    let spectrum = synthesize(circuit, [10, 100, 1e-4, 0.9, 200, 0.1, 0.9], decades: (6, -2))
    for basis in [DistributionOfRelaxationTimes.Basis.gaussian, .piecewiseLinear] {
      var options = DistributionOfRelaxationTimes.Options()
      options.basis = basis
      let drt = try DistributionOfRelaxationTimes(spectrum, options: options)
      let major = drt.peaks.sorted { $0.resistance > $1.resistance }.prefix(2).sorted { $0.tau < $1.tau }
      XCTAssertEqual(major.count, 2, "\(basis)")
      guard major.count == 2 else { continue }
      XCTAssertEqual(log10(major[0].tau), -4, accuracy: 0.1, "\(basis)")
      XCTAssertEqual(log10(major[1].tau), -1, accuracy: 0.1, "\(basis)")
      XCTAssertEqual(major[0].resistance, 100, accuracy: 5, "\(basis)")
      XCTAssertEqual(major[1].resistance, 200, accuracy: 10, "\(basis)")
      XCTAssertEqual(drt.seriesResistance, 10, accuracy: 1, "\(basis)")
      XCTAssertLessThan(drt.relativeResidual, 5e-3, "\(basis)")
    }
  }

  /// λ chosen by GCV does not depend on the units of Z: the same spectrum in mΩ gives the same λ
  /// and the same peaks scaled by 1000.
  func testLambdaIsIndependentOfUnits() throws {
    let circuit = try Circuit("R0-Zarc1-Zarc2")
    let truth = [10, 100, 1e-4, 0.85, 200, 0.1, 0.9]
    let ohm = synthesize(circuit, truth, decades: (6, -2), noise: 0.002, seed: 5)
    let milli = ImpedanceSpectrum(name: "mOhm", frequencies: ohm.frequencies, real: ohm.real.map { $0 * 1000 }, imaginary: ohm.imaginary.map { $0 * 1000 })
    let a = try DistributionOfRelaxationTimes(ohm)
    let b = try DistributionOfRelaxationTimes(milli)
    XCTAssertEqual(a.lambda, b.lambda)
    XCTAssertEqual(a.peaks.count, b.peaks.count)
    for (p, q) in zip(a.peaks, b.peaks) {
      XCTAssertEqual(q.resistance, 1000 * p.resistance, accuracy: 1e-6 * q.resistance)
    }
  }

  /// A series of spectra shares one τ grid, and the growth of an arc shows in its peak area.
  func testSeriesSharesGridAndTracksAGrowingArc() throws {
    let circuit = try Circuit("R0-Zarc1-Zarc2")
    let spectra = [100.0, 150, 200].map { r in synthesize(circuit, [10, 100, 1e-4, 0.9, r, 0.1, 0.9], decades: (6, -2)) }
    let drts = try DistributionOfRelaxationTimes.series(spectra)
    XCTAssertEqual(Set(drts.map(\.tau.count)).count, 1)
    let areas = drts.map { d in d.peaks.min { abs(log10($0.tau) + 1) < abs(log10($1.tau) + 1) }?.resistance ?? 0 }
    XCTAssertEqual(areas[0], 100, accuracy: 10)
    XCTAssertEqual(areas[1], 150, accuracy: 15)
    XCTAssertEqual(areas[2], 200, accuracy: 20)
  }

  func testRejectsBadInput() {
    let s = ImpedanceSpectrum(name: "x", frequencies: [1, 1, 1], real: [1, 1, 1], imaginary: [0, 0, 0])
    XCTAssertThrowsError(try DistributionOfRelaxationTimes(s))
  }
}
