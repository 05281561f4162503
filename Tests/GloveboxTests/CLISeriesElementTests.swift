import Foundation
import XCTest

/// `eis drt` and `eis kk` on the example pellet (blocking electrodes): the series capacitance
/// is chosen from the data and said so in text and JSON; `--no-capacitance` overrides it.
final class CLISeriesElementTests: XCTestCase {
  let pellet = "Examples/eis/LPSC_pellet_25C.csv"

  func testDRTChoosesAndReportsTheSeriesCapacitance() throws {
    let result = try CLIRunner.run(["eis", "drt", pellet, "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let files = try XCTUnwrap(try result.json()["files"] as? [[String: Any]])
    let spectrum = try XCTUnwrap((files.first?["spectra"] as? [[String: Any]])?.first)
    let choice = try XCTUnwrap(spectrum["series_capacitance"] as? [String: Any])
    XCTAssertEqual(choice["included"] as? Bool, true)
    XCTAssertEqual(choice["chosen"] as? String, "auto")
    // Examples/eis/README.md: R0 = 15.34 Ω at 25 °C; the DRT's R∞ within 5 % of it.
    XCTAssertEqual(try XCTUnwrap(spectrum["r_inf_ohm"] as? Double), 15.34, accuracy: 0.77)
    // The README's CPE2 = 4e-6 Ω⁻¹sⁿ (n = 0.9) acts near 0.1 Hz like a few µF.
    let c = try XCTUnwrap(spectrum["capacitance_f"] as? Double)
    XCTAssertGreaterThan(c, 1e-6)
    XCTAssertLessThan(c, 2e-5)

    let text = try CLIRunner.run(["eis", "drt", pellet])
    XCTAssertTrue(text.stdout.contains("series C: included (auto: low-frequency phase"), text.stdout)
    let off = try CLIRunner.run(["eis", "drt", pellet, "--no-capacitance"])
    XCTAssertTrue(off.stdout.contains("series C: not included (set: set by the user)"), off.stdout)
  }

  func testKramersKronigNoiseOnTheBlockingPelletIsBelowAPerMilleOnlyWithTheCapacitance() throws {
    func noise(_ extra: [String]) throws -> Double {
      let result = try CLIRunner.run(["eis", "kk", pellet, "--json"] + extra)
      let files = try XCTUnwrap(try result.json()["files"] as? [[String: Any]])
      let spectrum = try XCTUnwrap((files.first?["spectra"] as? [[String: Any]])?.first)
      return try XCTUnwrap(spectrum["noise_estimate_percent"] as? Double)
    }
    // The pellet is noise-free synthetic data: the test's "noise" is model error only.
    XCTAssertLessThan(try noise([]), 0.05)
    XCTAssertGreaterThan(try noise(["--no-capacitance"]), 0.1)
  }
}
