import Foundation
import XCTest

/// `glovebox xrd strip` without `--anode`: the wavelengths come from the file (a UXD written here
/// to Bruker's layout, read through xylib), and a file that states none is an error.
final class CLIXRDStripWavelengthTests: XCTestCase {
  func testStripUsesTheUXDHeaderWavelengths() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-uxd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Mo Kα (0.70930 / 0.71359 Å), so a silent Cu default would show.
    let uxd = """
      _FILEVERSION=2
      _WL_UNIT='A'
      _WL1=0.709300
      _WL2=0.713590
      _WLRATIO=0.500000
      _DRIVE='COUPLED'
      _STEPSIZE=0.02
      _START=10.000000
      _COUNT
      100 120 140 130 110 105 100 100

      """
    let path = folder.appendingPathComponent("mo.uxd").path
    try uxd.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["xrd", "strip", path, "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let s = try XCTUnwrap((try result.json()["spectra"] as? [[String: Any]])?.first)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(s["kalpha1"] as Any)), 0.7093, accuracy: 1e-12)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(s["kalpha2"] as Any)), 0.71359, accuracy: 1e-12)
    XCTAssertTrue((s["wavelength_source"] as? String)?.contains("WL1") ?? false, "\(s)")
    // d = λ/(2 sin θ) with the file's λ at 2θ = 10°.
    let d = try XCTUnwrap((s["d"] as? [Any])?.first.flatMap { CLIRunner.number($0) })
    XCTAssertEqual(d, 0.7093 / (2 * sin(5 * Double.pi / 180)), accuracy: 1e-9)

    let plain = folder.appendingPathComponent("plain.csv").path
    try "2theta,I\n10,1\n10.1,2\n10.2,3\n".write(toFile: plain, atomically: true, encoding: .utf8)
    let refused = try CLIRunner.run(["xrd", "strip", plain])
    XCTAssertNotEqual(refused.status, 0)
    XCTAssertTrue(refused.stderr.contains("--anode"), refused.stderr)
  }
}
