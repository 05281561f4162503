import Foundation
import XCTest

/// `cycle summary` prints in text what `--json` holds (issue 11 §2): specific capacities with a
/// mass, retention, and the rate blocks — the same numbers, rounded.
final class CLICycleTextTests: XCTestCase {
  func testTextCarriesTheJSONQuantities() throws {
    let file = CLIRunner.repositoryRoot.appendingPathComponent(
      "Examples/cycling/synthetic_Li-LPSC-8S2O-LPSC-LCO_rate-test.bdf.csv").path
    let arguments = ["cycle", "summary", file, "--mass", "5.497787", "--nominal-mAh", "0.879646"]
    let text = try CLIRunner.run(arguments)
    XCTAssertEqual(text.status, 0, text.stderr)
    let json = try CLIRunner.run(arguments + ["--json"]).json()
    let cycles = try XCTUnwrap(json["cycles"] as? [[String: Any]])
    let first = try XCTUnwrap(cycles.first)
    let lines = text.stdout.split(separator: "\n").map(String.init)
    XCTAssertTrue(lines.contains("active mass 5.498 mg"), text.stdout)
    let header = try XCTUnwrap(lines.first { $0.contains("q_dis/mAh g⁻¹") })
    XCTAssertTrue(header.contains("retention"))
    // Cycle 1's row holds its specific discharge capacity as the JSON gives it, to 4 digits.
    let specific = try XCTUnwrap(CLIRunner.number(first["specific_discharge_capacity_mAh_g"]))
    let row = try XCTUnwrap(lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("1 ") })
    XCTAssertTrue(row.contains(String(format: "%.4g", specific)), "\(row) vs \(specific)")
    // The six rate blocks at 0.1, 0.2, 0.5, 1, 2 and 0.1 C.
    let rateLines = lines.drop { !$0.hasPrefix("rate blocks") }.dropFirst(2)
    XCTAssertEqual(rateLines.map { $0.contains(" C ") }, [true, true, true, true, true, true])
    XCTAssertTrue(rateLines.first?.contains("0.1 C") ?? false, text.stdout)
    XCTAssertFalse(text.stdout.contains("nan"))
  }
}
