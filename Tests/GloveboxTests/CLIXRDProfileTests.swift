import Foundation
import XCTest

/// End-to-end tests of `glovebox xrd strip` and `glovebox xrd size` on patterns written here.
final class CLIXRDProfileTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-xrdprofile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  func testSizeFromGaussianWidths() throws {
    // Three Gaussian peaks whose FWHM is √(β² + 0.05²), β = 0.9·λ/(300 Å · cos θ) (30 nm, no strain).
    let lambda = 1.540562
    let centres: [Double] = [30, 45, 60]
    let widths = centres.map { t -> Double in
      let beta = 0.9 * lambda / (300 * cos(t * .pi / 360)) * 180 / .pi
      return (beta * beta + 0.05 * 0.05).squareRoot()
    }
    var text = "2theta,Intensity\n"
    for i in 0..<8000 {
      let x = 25 + Double(i) * 0.005
      var y = 50.0
      for (c, w) in zip(centres, widths) { y += 1000 * exp(-4 * log(2.0) * (x - c) * (x - c) / (w * w)) }
      text += "\(x),\(y)\n"
    }
    let path = folder.appendingPathComponent("pattern.csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["xrd", "size", path, "--model", "constant + gaussian(30.02) + gaussian(44.98) + gaussian(60.01)",
                                    "--instrumental", "0.05", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let doc = try result.json()
    let peaks = try XCTUnwrap(doc["peaks"] as? [[String: Any]])
    XCTAssertEqual(peaks.count, 3)
    for p in peaks { XCTAssertEqual(try XCTUnwrap(CLIRunner.number(p["scherrer_size_nm"] as Any)), 30, accuracy: 1e-4) }
    let wh = try XCTUnwrap(doc["williamson_hall"] as? [String: Any])
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(wh["size_nm"] as Any)), 30, accuracy: 1e-3)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(wh["strain"] as Any)), 0, accuracy: 1e-6)
    // An instrument broader than the lines: per-peak errors, no invented size.
    let broad = try CLIRunner.run(["xrd", "size", path, "--model", "constant + gaussian(30.02)", "--range", "28:32", "--instrumental", "2", "--json"])
    XCTAssertEqual(broad.status, 0, broad.stderr)
    let bp = try XCTUnwrap((try broad.json()["peaks"] as? [[String: Any]])?.first)
    XCTAssertNil(CLIRunner.number(bp["scherrer_size_nm"] as Any))
    XCTAssertTrue((bp["error"] as? String)?.contains("not broader") ?? false)
    let strip = try CLIRunner.run(["xrd", "strip", path, "--anode", "Cu", "--json"])
    XCTAssertEqual(strip.status, 0, strip.stderr)
    let s = try XCTUnwrap((try strip.json()["spectra"] as? [[String: Any]])?.first)
    XCTAssertEqual((s["stripped"] as? [Any])?.count, 8000)
    XCTAssertNotEqual(try CLIRunner.run(["xrd", "strip", path, "--anode", "W"]).status, 0)
  }
}
