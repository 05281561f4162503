import Foundation
import XCTest

@testable import Engine

/// The automatic start and the batch fit on impedance.py's example spectrum.
final class CircuitFitBatchTests: XCTestCase {
  static let circuit = "L0-R0-p(R1,CPE1)-p(R2,CPE2)"

  func exampleSpectrum() throws -> ImpedanceSpectrum {
    try XCTUnwrap(EISFixtures.read("exampleData.csv").first)
  }

  /// With no start, the multi-start search reaches the minimum a fit from impedance.py's own
  /// hand start reaches (its README's example start), to 1e-6 in χ².
  func testAutomaticStartReachesTheHandStartedMinimum() throws {
    let spectrum = try exampleSpectrum()
    let circuit = try Circuit(Self.circuit)
    let given = Parameters(
      [("L0", 1e-6), ("R0", 0.015), ("R1", 0.01), ("CPE1_0", 1), ("CPE1_1", 0.8), ("R2", 0.02), ("CPE2_0", 50), ("CPE2_1", 0.6)]
        .map { Parameter($0.0, value: $0.1) })
    let hand = CircuitFit.run(CircuitFitRequest(circuit: circuit, spectrum: spectrum, given: given, search: .local))
    let automatic = CircuitFit.run(CircuitFitRequest(circuit: circuit, spectrum: spectrum))
    XCTAssertTrue(hand.success && automatic.success)
    XCTAssertEqual(automatic.chiSquare, hand.chiSquare, accuracy: 1e-6 * hand.chiSquare)
  }

  /// The batch gives each spectrum the fit it gets alone, whatever the number of threads.
  func testBatchResultsDoNotDependOnThreadCount() throws {
    let spectrum = try exampleSpectrum()
    let circuit = try Circuit("R0-p(R1,CPE1)-p(R2,CPE2)")
    // Four different spectra: the example scaled by 1, 2, 3, 4 (the fit scales R and 1/Q alike).
    let requests = (1...4).map { k -> CircuitFitRequest in
      var s = spectrum
      s.real = s.real.map { $0 * Double(k) }
      s.imaginary = s.imaginary.map { $0 * Double(k) }
      return CircuitFitRequest(circuit: circuit, spectrum: s)
    }
    let alone = requests.map { CircuitFit.run($0) }
    for threads in [1, 3] {
      let batch = CircuitFit.runAll(requests, threads: threads)
      XCTAssertEqual(batch.count, requests.count)
      for (a, b) in zip(alone, batch) {
        XCTAssertEqual(a.parameters.values, b.parameters.values, "threads \(threads)")
        XCTAssertEqual(a.chiSquare, b.chiSquare)
      }
    }
    // Scaling Z by k scales χ² by k² at the same relative fit (unit weights).
    XCTAssertEqual(alone[1].chiSquare, 4 * alone[0].chiSquare, accuracy: 1e-6 * alone[1].chiSquare)
  }
}
