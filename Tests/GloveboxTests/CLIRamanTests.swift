import Foundation
import XCTest

/// End-to-end tests of `glovebox raman despike|normalize|ratio` on files written here.
final class CLIRamanTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-raman-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  /// Two Gaussians (height 800, FWHM 10 at 380; height 200, FWHM 20 at 440) on 100 counts with a
  /// deterministic ripple of ±20 (noise-like: a band flank must not look like a spike), and a one-point spike of 4000 at 330 cm⁻¹ when `spike`.
  private func write(spike: Bool) throws -> String {
    var text = "Raman shift (cm-1),Intensity\n"
    for i in 0..<400 {
      let x = 300 + 0.5 * Double(i)
      var y = 100 + 800 * exp(-4 * log(2.0) * (x - 380) * (x - 380) / 100) + 200 * exp(-4 * log(2.0) * (x - 440) * (x - 440) / 400)
      y += 20 * sin(Double(i) * 2.1)
      if spike && i == 60 { y += 4000 }
      text += "\(x),\(y)\n"
    }
    let path = folder.appendingPathComponent(spike ? "spiked.csv" : "clean.csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func testDespikeNormalizeAndRatio() throws {
    let spiked = try write(spike: true)
    let d = try CLIRunner.run(["raman", "despike", spiked, "--json"])
    XCTAssertEqual(d.status, 0, d.stderr)
    let curve = try XCTUnwrap((try d.json()["spectra"] as? [[String: Any]])?.first)
    XCTAssertEqual((curve["replaced"] as? [Any])?.compactMap { CLIRunner.number($0) }, [59, 60, 61])
    let processed = try XCTUnwrap(curve["processed"] as? [Any]).compactMap { CLIRunner.number($0) }
    XCTAssertEqual(processed[60], 100, accuracy: 25)

    let clean = try write(spike: false)
    let n = try CLIRunner.run(["raman", "normalize", clean, "--by", "band:380:5", "--json"])
    XCTAssertEqual(n.status, 0, n.stderr)
    let nc = try XCTUnwrap((try n.json()["spectra"] as? [[String: Any]])?.first)
    // The band top is 100 + 800 + ripple (|ripple| ≤ 20).
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(nc["divisor"] as Any)), 900, accuracy: 20)
    XCTAssertNotEqual(try CLIRunner.run(["raman", "normalize", clean, "--by", "band:x"]).status, 0)

    // Area ratio 800·10/(200·20) = 2 (the ripple moves it by less than 2 %).
    let r = try CLIRunner.run(["raman", "ratio", clean, "--model", "constant + gaussian(381) + gaussian(438)", "--bands", "p1/p2", "--json"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let ratio = try XCTUnwrap((try r.json()["ratios"] as? [[String: Any]])?.first)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(ratio["ratio"] as Any)), 2, accuracy: 0.04)
    let missing = try CLIRunner.run(["raman", "ratio", clean, "--model", "constant + gaussian(381) + gaussian(438)", "--bands", "p1/p9"])
    XCTAssertNotEqual(missing.status, 0)
    XCTAssertTrue(missing.stderr.contains("p9"), missing.stderr)
  }
}
