import Foundation
import XCTest

/// End-to-end tests of `glovebox cycle ccd|summary|read|export` on the synthetic examples (whose
/// answers the generator states in Examples/cycling/README.md) and on traces written by hand.
final class CLICyclingTests: XCTestCase {
  private func example(_ name: String) -> String {
    CLIRunner.repositoryRoot.appendingPathComponent("Examples/cycling/\(name)").path
  }

  /// ±1 mA for 1 h each, sampled every 60 s; the voltage runs linearly 3.5 → 4.2 V and back.
  private func handTrace(in folder: URL) throws -> URL {
    var lines = ["Test Time / s,Voltage / V,Current / A"]
    for i in 0...60 { lines.append("\(i * 60),\(3.5 + 0.7 * Double(i) / 60),0.001") }
    for i in 1...60 { lines.append("\(3600 + i * 60),\(4.2 - 0.7 * Double(i) / 60),-0.001") }
    let file = folder.appendingPathComponent("hand.bdf.csv")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  func testCriticalCurrentDensityTimeConstant() throws {
    let file = example("synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_time-constant.bdf.csv")
    let result = try CLIRunner.run(["cycle", "ccd", file, "--area", "0.785398", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    // Generator's stated answer: CCD 4.4 mA/cm², last stable 4.3, one soft short (at 3.0 mA/cm²).
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(document["ccd_mA_cm2"])), 4.4, accuracy: 1e-3)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(document["last_stable_mA_cm2"])), 4.3, accuracy: 1e-3)
    let softShorts = try XCTUnwrap(document["soft_shorts"] as? [[String: Any]])
    XCTAssertEqual(softShorts.count, 1)
    // Step k (k × 0.1 mA/cm²) spans [(k − 1)·3600, k·3600) s: two 0.5 h half-cycles.
    let softTime = try XCTUnwrap(CLIRunner.number(softShorts.first?["time_s"]))
    XCTAssertTrue((29 * 3600.0..<30 * 3600.0).contains(softTime), "soft short at \(softTime) s, not in the 3.0 step")
    let failure = try XCTUnwrap(document["failure"] as? [String: Any])
    let failureTime = try XCTUnwrap(CLIRunner.number(failure["time_s"]))
    XCTAssertTrue((43 * 3600.0..<44 * 3600.0).contains(failureTime), "failure at \(failureTime) s, not in the 4.4 step")
    // Capacity passed before the failure: Σ_{k=1}^{43} 0.1k mA/cm² × 1 h = 0.1 × 43·44/2 = 94.6,
    // plus 4.4 mA/cm² for the (failure − 43 h) of the 44th step.
    let expected = 94.6 + 4.4 * (failureTime - 43 * 3600) / 3600
    let cumulative = try XCTUnwrap(CLIRunner.number(document["cumulative_capacity_mAh_cm2"]))
    XCTAssertEqual(cumulative, expected, accuracy: 0.01)
  }

  func testCriticalCurrentDensityCapacityConstant() throws {
    let file = example("synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_capacity-constant.bdf.csv")
    let result = try CLIRunner.run(["cycle", "ccd", file, "--area", "0.785398", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    // Generator's stated answer: CCD 4.4, last stable 4.0, protocol capacity_constant.
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(document["ccd_mA_cm2"])), 4.4, accuracy: 1e-3)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(document["last_stable_mA_cm2"])), 4.0, accuracy: 1e-3)
    XCTAssertEqual(document["ramp_protocol"] as? String, "capacity_constant")
    // Steps 0.4, 0.8 … 4.0 (ten) each pass 2 × 1.5 mAh/cm²; the failure falls in the first
    // half-cycle of the eleventh step (half-cycle 21), so 30 ≤ cumulative < 31.5 mAh/cm².
    let failure = try XCTUnwrap(document["failure"] as? [String: Any])
    XCTAssertEqual(CLIRunner.number(failure["half_cycle"]), 21)
    let cumulative = try XCTUnwrap(CLIRunner.number(document["cumulative_capacity_mAh_cm2"]))
    XCTAssertGreaterThanOrEqual(cumulative, 30 - 1e-6)
    XCTAssertLessThan(cumulative, 31.5)
  }

  func testSummaryOfAHandTrace() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let file = try handTrace(in: folder)
    let result = try CLIRunner.run(["cycle", "summary", file.path, "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    let halves = try XCTUnwrap(document["half_cycles"] as? [[String: Any]])
    XCTAssertEqual(halves.map { $0["kind"] as? String }, ["charge", "discharge"])
    for half in halves {
      // 1 mA × 1 h = 1 mAh; energy = ∫V I dt = mean V (3.85 V, linear 3.5 ↔ 4.2) × 1 mAh = 3.85 mWh,
      // the discharge too: the reversal interval is a trapezoid in V at the new current.
      XCTAssertEqual(try XCTUnwrap(CLIRunner.number(half["capacity_mAh"])), 1.0, accuracy: 1e-9)
      XCTAssertEqual(try XCTUnwrap(CLIRunner.number(half["energy_mWh"])), 3.85, accuracy: 1e-9)
      XCTAssertEqual(try XCTUnwrap(CLIRunner.number(half["average_voltage_V"])), 3.85, accuracy: 1e-9)
      XCTAssertEqual(try XCTUnwrap(CLIRunner.number(half["duration_s"])), 3600, accuracy: 1e-9)
    }
    let cycles = try XCTUnwrap(document["cycles"] as? [[String: Any]])
    XCTAssertEqual(cycles.count, 1)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(cycles.first?["coulombic_efficiency"])), 1.0, accuracy: 1e-9)
  }

  func testExportRoundTrip() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let file = try handTrace(in: folder)
    let exported = folder.appendingPathComponent("exported.csv")
    let export = try CLIRunner.run(["cycle", "export", file.path, "--to", exported.path, "--json"])
    XCTAssertEqual(export.status, 0, export.stderr)
    XCTAssertEqual(CLIRunner.number(try export.json()["points"]), 121)
    let original = try CLIRunner.run(["cycle", "read", file.path, "--json"]).json()
    let reread = try CLIRunner.run(["cycle", "read", exported.path, "--json"]).json()
    for column in ["test_time_s", "voltage_V", "current_A", "capacity_Ah", "half_cycle"] {
      let a = try XCTUnwrap(original[column] as? [Any]).compactMap { CLIRunner.number($0) }
      let b = try XCTUnwrap(reread[column] as? [Any]).compactMap { CLIRunner.number($0) }
      XCTAssertEqual(a.count, 121, column)
      XCTAssertEqual(b.count, a.count, column)
      for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-12 * max(1, abs(x)), column) }
    }
    // The hand trace's charge capacity column ends at 1 mAh = 0.001 Ah after the first hour.
    let capacity = try XCTUnwrap(reread["capacity_Ah"] as? [Any]).compactMap { CLIRunner.number($0) }
    XCTAssertEqual(capacity[60], 0.001, accuracy: 1e-12)
  }

  func testOverpotentialOfTheLongCyclingExample() throws {
    let file = example("synthetic_Li-LPSC-8S2O-LPSC-Li_long-cycling_0.5mA.bdf.csv")
    let result = try CLIRunner.run(["cycle", "overpotential", file, "--area", "0.785398", "--bins", "50", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    let rows = try XCTUnwrap(document["half_cycles"] as? [[String: Any]])
    XCTAssertEqual(rows.count, 1600)
    XCTAssertTrue(document["failure"] is NSNull, "a cell that never failed reports failure: null")
    XCTAssertEqual(rows.prefix(4).map { $0["process"] as? String }, ["stripping", "plating", "stripping", "plating"])
    // Generator (Examples/cycling/README.md): 0.5 mA/cm², ASR 20 Ω·cm² growing 0.05 %/h, plateau
    // 1.075 × j·ASR at mid half-cycle: 0.5·20·1.00025·1.075 = 10.753 mV at 0.5 h and
    // 0.5·20·(1 + 0.0005·1599.5)·1.075 = 19.347 mV at 1599.5 h (0.3 mV noise: ±0.5 mV).
    let first = try XCTUnwrap(CLIRunner.number(rows.first?["plateau_mV"]))
    let last = try XCTUnwrap(CLIRunner.number(rows.last?["plateau_mV"]))
    XCTAssertEqual(first, 0.5 * 20 * 1.00025 * 1.075, accuracy: 0.5)
    XCTAssertEqual(last, 0.5 * 20 * (1 + 0.0005 * 1599.5) * 1.075, accuracy: 0.5)
    // ASR = η / j: the plateau over 0.5 mA/cm² in Ω·cm² (mV / (mA/cm²)).
    let asr = try XCTUnwrap(CLIRunner.number(rows.last?["asr_ohm_cm2"]))
    XCTAssertEqual(asr, last / 0.5, accuracy: 0.01 * asr)
    XCTAssertEqual((document["envelope"] as? [Any])?.count, 50)
  }

  func testRateBlocksOfTheRateTestExample() throws {
    let file = example("synthetic_Li-LPSC-8S2O-LPSC-LCO_rate-test.bdf.csv")
    let result = try CLIRunner.run(
      ["cycle", "summary", file, "--mass", "5.497787", "--nominal-mAh", "0.879646", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let blocks = try XCTUnwrap(try result.json()["rate_blocks"] as? [[String: Any]])
    // Generator: five cycles each at 0.1, 0.2, 0.5, 1, 2 and again 0.1C of 160 mA/g × 5.497787 mg
    // = 0.879646 mAh; at constant current the mean current is the programmed one.
    let rates = blocks.compactMap { CLIRunner.number($0["c_rate"]) }
    XCTAssertEqual(rates.count, 6)
    for (rate, expected) in zip(rates, [0.1, 0.2, 0.5, 1, 2, 0.1]) { XCTAssertEqual(rate, expected, accuracy: 1e-6) }
    XCTAssertEqual(blocks.map { CLIRunner.number($0["first_cycle"]) }, [1, 6, 11, 16, 21, 26])
    XCTAssertEqual(blocks.map { CLIRunner.number($0["last_cycle"]) }, [5, 10, 15, 20, 25, 30])
  }

  func testMalformedFileNamesFileAndLine() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let file = folder.appendingPathComponent("broken.csv")
    try "Test Time / s,Voltage / V,Current / A\n0,3.5,0.001\n60,abc,0.001\n".write(
      to: file, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["cycle", "summary", file.path, "--json"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("broken.csv:3"), result.stderr)
    XCTAssertTrue(result.stderr.contains("abc"), result.stderr)
    XCTAssertTrue(result.stdout.isEmpty, result.stdout)
  }
}
