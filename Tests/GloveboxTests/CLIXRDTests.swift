import Foundation
import XCTest

/// End-to-end tests of `glovebox xrd pattern`.
final class CLIXRDTests: XCTestCase {
  private func structure(_ name: String) -> String {
    CLIRunner.repositoryRoot.appendingPathComponent("Examples/structures/\(name)").path
  }

  func testPatternJSONOfRockSaltLiCl() throws {
    let result = try CLIRunner.run(["xrd", "pattern", structure("LiCl.cif"), "--wavelength", "CuKa1", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    XCTAssertEqual(CLIRunner.number(document["wavelength_angstrom"]), 1.540562)
    let peaks = try XCTUnwrap(document["peaks"] as? [[String: Any]])
    XCTAssertEqual(peaks.count, 8)  // 111 200 220 311 222 400 331 420 below 90°
    let first = try XCTUnwrap(peaks.first)
    XCTAssertEqual(first["hkl"] as? [Int], [1, 1, 1])
    XCTAssertEqual(first["multiplicity"] as? Int, 8)
    // Bragg's law by hand: d(111) = a/√3, 2θ = 2 asin(λ/2d).
    let d111 = 5.1295 / sqrt(3.0)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(first["d"])), d111, accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(first["two_theta"])), 2 * asin(1.540562 / (2 * d111)) * 180 / .pi, accuracy: 1e-9)
    let intensities = peaks.compactMap { CLIRunner.number($0["intensity"]) }
    XCTAssertEqual(intensities.max() ?? 0, 100, accuracy: 1e-9)
  }

  func testWavelengthAndWindowOptions() throws {
    let result = try CLIRunner.run(["xrd", "pattern", structure("LiCoO2.cif"), "--wavelength", "MoKa1",
                                    "--two-theta-min", "10", "--two-theta-max", "20", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let peaks = try XCTUnwrap(try result.json()["peaks"] as? [[String: Any]])
    XCTAssertFalse(peaks.isEmpty)
    for peak in peaks {
      let twoTheta = try XCTUnwrap(CLIRunner.number(peak["two_theta"]))
      XCTAssertTrue((10...20).contains(twoTheta))
      let d = try XCTUnwrap(CLIRunner.number(peak["d"]))
      XCTAssertEqual(2 * d * sin(twoTheta * .pi / 360), 0.709300, accuracy: 1e-9)
    }
    // 003 of LiCoO2 (d = c/3 = 4.6847 Å) lies at 8.68° with Mo Kα1, outside the window.
    XCTAssertFalse(peaks.contains { ($0["hkl"] as? [Int]) == [0, 0, 3] })
  }

  func testSulfideIonFallbackIsReported() throws {
    let result = try CLIRunner.run(["xrd", "pattern", structure("Li6PS5Cl.cif"), "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    let notes = try XCTUnwrap(document["notes"] as? [String])
    XCTAssertTrue(notes.contains { $0.contains("S2-") && $0.contains("neutral") }, "\(notes)")
    let factors = try XCTUnwrap(document["scattering_factors"] as? [String: String])
    XCTAssertEqual(factors["Li1"], "Li1+")
    XCTAssertEqual(factors["S1"], "S")
  }

  func testErrorsNameTheFileAndLine() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let bad = folder.appendingPathComponent("bad.cif")
    try "data_bad\n_cell_length_a 5.0\n_cell_length_b 'oops\n".write(to: bad, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["xrd", "pattern", bad.path])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("bad.cif:3"), result.stderr)
    let wavelength = try CLIRunner.run(["xrd", "pattern", structure("LiCl.cif"), "--wavelength", "CuKz"])
    XCTAssertNotEqual(wavelength.status, 0)
    XCTAssertTrue(wavelength.stderr.contains("CuKz"), wavelength.stderr)
    let missing = try CLIRunner.run(["xrd", "pattern", folder.appendingPathComponent("none.cif").path])
    XCTAssertNotEqual(missing.status, 0)
    XCTAssertTrue(missing.stderr.contains("none.cif"), missing.stderr)
  }
}

/// `glovebox xrd cell` and `glovebox xrd match`.
final class CLIXRDCellTests: XCTestCase {
  private func structure(_ name: String) -> String {
    CLIRunner.repositoryRoot.appendingPathComponent("Examples/structures/\(name)").path
  }

  /// Positions of a cubic cell with a = 9.82 Å (Bragg by hand), indexed against the CIF's 9.85 Å.
  func testCellRefinesTheCubicEdge() throws {
    let a = 9.82
    let squares = [3, 4, 8, 11, 12, 24, 27, 32]  // 111 200 220 311 222 422 511 440
    let positions = squares.map { 2 * asin(1.540562 * Double($0).squareRoot() / (2 * a)) * 180 / .pi }
    let list = positions.map { String(format: "%.6f", $0) }.joined(separator: ",")
    let result = try CLIRunner.run(["xrd", "cell", "--structure", structure("Li6PS5Cl.cif"), "--peaks", list, "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    XCTAssertEqual(document["system"] as? String, "cubic")
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(document["a"])), a, accuracy: 1e-5)
    XCTAssertEqual(document["indexed"] as? Int, squares.count)
  }

  func testMatchRanksLPSCFirst() throws {
    let peaks = "15.57,18.00,25.56,30.06,31.44,45.05,47.95,52.51"
    let result = try CLIRunner.run(["xrd", "match", "--peaks", peaks, "--structures",
                                    CLIRunner.repositoryRoot.appendingPathComponent("Examples/structures").path, "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let candidates = try XCTUnwrap(try result.json()["candidates"] as? [[String: Any]])
    XCTAssertEqual(candidates.first?["structure"] as? String, "Li6PS5Cl")
    let best = try XCTUnwrap(CLIRunner.number(candidates.first?["figure_of_merit"]))
    let second = try XCTUnwrap(CLIRunner.number(candidates.dropFirst().first?["figure_of_merit"]))
    XCTAssertGreaterThan(best, 0.9)
    XCTAssertLessThan(second, 0.2)
  }

  func testBadPeakListIsAnError() throws {
    let result = try CLIRunner.run(["xrd", "cell", "--structure", structure("Li6PS5Cl.cif"), "--peaks", "15.6,abc"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("item 2"), result.stderr)
  }
}
