import XCTest

@testable import Engine

/// Blocking electrodes (SS|LPSC|SS, the study's pellets): the DRT and the Kramers–Kronig test
/// include a series capacitance when the low-frequency phase tends to −90°, say so, and then
/// recover the pellet's processes. Spectra are written out analytically here:
/// Z = R0 + R1/(1 + jωR1C1) + 1/(jωC2).
final class BlockingElectrodeTests: XCTestCase {
  /// R0 = 15 Ω (bulk), R1 = 4 Ω with C1 = 1 µF (τ1 = 4 µs, grain boundary), C2 = 5 µF (the
  /// blocking double layer); 1 MHz … 0.1 Hz at 10 points per decade.
  static func blockingPellet(r0: Double = 15, r1: Double = 4, c1: Double = 1e-6, c2: Double = 5e-6) -> ImpedanceSpectrum {
    let f = (0...70).map { pow(10, 6 - Double($0) / 10) }
    var re: [Double] = [], im: [Double] = []
    for fk in f {
      let w = 2 * Double.pi * fk
      let x = w * r1 * c1
      re.append(r0 + r1 / (1 + x * x))
      im.append(-r1 * x / (1 + x * x) - 1 / (w * c2))
    }
    return ImpedanceSpectrum(name: "pellet", frequencies: f, real: re, imaginary: im)
  }

  /// The same without the blocking capacitor: an arc that returns to the real axis.
  static func reversibleCell() -> ImpedanceSpectrum {
    let f = (0...70).map { pow(10, 6 - Double($0) / 10) }
    let re = f.map { fk -> Double in let x = 2 * Double.pi * fk * 100 * 1e-5; return 10 + 100 / (1 + x * x) }
    let im = f.map { fk -> Double in let x = 2 * Double.pi * fk * 100 * 1e-5; return -100 * x / (1 + x * x) }
    return ImpedanceSpectrum(name: "Li|LPSC|Li", frequencies: f, real: re, imaginary: im)
  }

  func testCapacitiveTailIsDetectedAndAnArcIsNot() {
    let blocking = SeriesElementChoice.capacitance(for: Self.blockingPellet(), mode: .automatic)
    XCTAssertTrue(blocking.included)
    XCTAssertFalse(blocking.given)
    // At 0.1 Hz: −Z'' = 1/(2π·0.1·5e-6) = 318 kΩ against Z' = 19 Ω → −89.997°.
    XCTAssertTrue(blocking.reason.contains("-90.0°"), blocking.reason)
    let arc = SeriesElementChoice.capacitance(for: Self.reversibleCell(), mode: .automatic)
    XCTAssertFalse(arc.included, arc.reason)
    XCTAssertEqual(SeriesElementChoice.capacitance(for: Self.reversibleCell(), mode: .on).included, true)
    XCTAssertEqual(SeriesElementChoice.capacitance(for: Self.blockingPellet(), mode: .off).summary(element: "C"),
                   "series C: not included (set: set by the user)")
  }

  func testDRTOfABlockingPelletRecoversBulkGrainBoundaryAndDoubleLayer() throws {
    let drt = try DistributionOfRelaxationTimes(Self.blockingPellet())
    XCTAssertTrue(drt.capacitanceChoice.included)
    // |Z| spans 15 Ω … 318 kΩ: modulus weighting, said so.
    XCTAssertEqual(drt.weighting.mode, .modulus)
    XCTAssertEqual(drt.seriesResistance, 15, accuracy: 0.15)  // bulk, within 1 %
    XCTAssertEqual(try XCTUnwrap(drt.capacitance), 5e-6, accuracy: 5e-6 * 0.02)
    // The grain boundary: one peak near τ1 = R1·C1 = 4 µs carrying R1 = 4 Ω.
    let main = try XCTUnwrap(drt.peaks.max { $0.resistance < $1.resistance })
    XCTAssertEqual(log10(main.tau), log10(4e-6), accuracy: 0.1)
    XCTAssertEqual(main.resistance, 4, accuracy: 0.2)
  }

  func testWithoutTheCapacitanceTheTailIsMistakenForAProcess() throws {
    var options = DistributionOfRelaxationTimes.Options()
    options.capacitance = .off
    let drt = try DistributionOfRelaxationTimes(Self.blockingPellet(), options: options)
    // What issue 11 saw: the capacitive tail forced into γ as a huge long-τ peak.
    let largest = try XCTUnwrap(drt.peaks.max { $0.resistance < $1.resistance })
    XCTAssertGreaterThan(largest.resistance, 1000)
    XCTAssertNil(drt.capacitance)
  }

  func testKramersKronigOfANoiseFreeBlockingPelletIsClean() throws {
    let automatic = try KramersKronigTest(Self.blockingPellet())
    XCTAssertTrue(automatic.capacitanceChoice.included)
    XCTAssertLessThan(automatic.noiseEstimatePercent, 0.05)
    XCTAssertEqual(try XCTUnwrap(automatic.capacitance), 5e-6, accuracy: 5e-6 * 0.02)
    var options = KramersKronigTest.Options()
    options.capacitance = .off
    let without = try KramersKronigTest(Self.blockingPellet(), options: options)
    XCTAssertGreaterThan(without.noiseEstimatePercent, 10 * automatic.noiseEstimatePercent)
  }

  /// The example workspace's pellets (Examples/eis/README.md: R0 = 15.34 Ω at 25 °C, a
  /// grain-boundary ZARC of 0.25·R0 and a CPE tail): R∞ within 5 % of R0.
  func testExamplePelletAt25C() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/eis/LPSC_pellet_25C.csv")
    let spectrum = try XCTUnwrap(try ImpedanceReader.read(contentsOf: path).first)
    let drt = try DistributionOfRelaxationTimes(spectrum)
    XCTAssertTrue(drt.capacitanceChoice.included)
    XCTAssertEqual(drt.seriesResistance, 15.34, accuracy: 15.34 * 0.05)
    let kk = try KramersKronigTest(spectrum)
    XCTAssertLessThan(kk.noiseEstimatePercent, 0.05)
  }
}

/// The circuit proposed from a spectrum's shape (issue 11 §1: the default circuit on the
/// study's blocking pellets gave Ea = 2.8 ± 1.5 eV).
final class CircuitProposalTests: XCTestCase {
  func testBlockingPelletGetsTheBlockingCircuitAndAnArcDoesNot() throws {
    let pellet = BlockingElectrodeTests.blockingPellet()
    let proposal = CircuitProposal.propose(for: pellet)
    XCTAssertEqual(proposal.circuit, "R0-p(R1,CPE1)-CPE2")
    XCTAssertTrue(proposal.reason.hasPrefix("blocking electrodes"), proposal.reason)
    XCTAssertEqual(CircuitProposal.propose(for: BlockingElectrodeTests.reversibleCell()).circuit, "R0-p(R1,CPE1)")
    // R0 + R1‖C1 + Warburg σ/√ω·(1 − j): the tail at −45°.
    let f = (0...60).map { pow(10, 5 - Double($0) / 10) }
    var re: [Double] = [], im: [Double] = []
    for fk in f {
      let w = 2 * Double.pi * fk, x = w * 50 * 1e-6
      let sigma = 100 / w.squareRoot()
      re.append(10 + 50 / (1 + x * x) + sigma)
      im.append(-50 * x / (1 + x * x) - sigma)
    }
    let diffusion = CircuitProposal.propose(for: ImpedanceSpectrum(name: "w", frequencies: f, real: re, imaginary: im))
    XCTAssertEqual(diffusion.circuit, "R0-p(R1,CPE1)-W1")
  }
}
