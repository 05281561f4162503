import Foundation
import XCTest

/// End-to-end tests of `glovebox spectrum read|peaks|fit|background` and `glovebox xps quantify`
/// on files written here (values from closed-form curves, so the expected numbers are known).
final class CLISpectrumTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-spectrum-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  /// C 1s-like region: BE 295 → 280 eV, a Gaussian of height 800 and FWHM 1.1 at 284.8 eV on 100 counts.
  private func writeXPS() throws -> String {
    var text = "BE/eV,Counts\n"
    for i in 0..<301 {
      let x = 295 - 0.05 * Double(i)
      let y = 100 + 800 * exp(-4 * log(2.0) * (x - 284.8) * (x - 284.8) / (1.1 * 1.1))
      text += "\(x),\(y)\n"
    }
    let path = folder.appendingPathComponent("c1s.csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private func numbers(_ value: Any?) throws -> [Double] {
    try XCTUnwrap(value as? [Any]).compactMap { CLIRunner.number($0) }
  }

  func testReadKnowsTechniqueAxisAndPoints() throws {
    let path = try writeXPS()
    let result = try CLIRunner.run(["spectrum", "read", path, "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let spectra = try XCTUnwrap(try result.json()["spectra"] as? [[String: Any]])
    XCTAssertEqual(spectra.count, 1)
    XCTAssertEqual(spectra[0]["technique"] as? String, "xps")
    XCTAssertEqual(spectra[0]["x_unit"] as? String, "eV")
    XCTAssertEqual(try numbers(spectra[0]["x"]).count, 301)
    XCTAssertEqual(try numbers(spectra[0]["y"]).count, 301)
  }

  func testFitRecoversTheGaussian() throws {
    let path = try writeXPS()
    let result = try CLIRunner.run(["spectrum", "fit", path, "--model", "linear + gaussian(284.6)", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let fits = try XCTUnwrap(try result.json()["fits"] as? [[String: Any]])
    let c = try XCTUnwrap((fits.first?["components"] as? [[String: Any]])?.first)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(c["center"] as Any)), 284.8, accuracy: 1e-6)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(c["fwhm"] as Any)), 1.1, accuracy: 1e-6)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(c["height"] as Any)), 800, accuracy: 1e-4)
    // Area of a Gaussian: H·w·√(π/(4 ln2)).
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(c["area"] as Any)), 800 * 1.1 * (Double.pi / (4 * log(2.0))).squareRoot(), accuracy: 1e-3)
    XCTAssertNotNil(c["center_err"])
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(fits.first?["r2"] as Any)), 1, accuracy: 1e-9)
  }

  func testAutoFindsThePeakAndSavesAModelThatFitsAgain() throws {
    let path = try writeXPS()
    let modelPath = folder.appendingPathComponent("model.toml").path
    let auto = try CLIRunner.run(["spectrum", "fit", path, "--auto", "--shape", "gaussian", "--save-model", modelPath, "--json"])
    XCTAssertEqual(auto.status, 0, auto.stderr)
    let again = try CLIRunner.run(["spectrum", "fit", path, "--model", modelPath, "--json"])
    XCTAssertEqual(again.status, 0, again.stderr)
    let fits = try XCTUnwrap(try again.json()["fits"] as? [[String: Any]])
    let c = try XCTUnwrap((fits.first?["components"] as? [[String: Any]])?.first)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(c["center"] as Any)), 284.8, accuracy: 1e-6)
  }

  func testPeaksAndBackground() throws {
    let path = try writeXPS()
    let peaks = try CLIRunner.run(["spectrum", "peaks", path, "--json"])
    XCTAssertEqual(peaks.status, 0, peaks.stderr)
    let found = try XCTUnwrap(((try peaks.json()["spectra"] as? [[String: Any]])?.first?["peaks"]) as? [[String: Any]])
    XCTAssertEqual(found.count, 1)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(found[0]["center"] as Any)), 284.8, accuracy: 0.03)
    let bg = try CLIRunner.run(["spectrum", "background", path, "--method", "shirley", "--range", "281:290", "--json"])
    XCTAssertEqual(bg.status, 0, bg.stderr)
    let s = try XCTUnwrap((try bg.json()["spectra"] as? [[String: Any]])?.first)
    let x = try numbers(s["x"]), y = try numbers(s["y"]), b = try numbers(s["background"])
    XCTAssertEqual(x.count, b.count)
    // Shirley meets the data at both ends of the window.
    XCTAssertEqual(b.first ?? .nan, y.first ?? 0, accuracy: 1e-9)
    XCTAssertEqual(b.last ?? .nan, y.last ?? 0, accuracy: 1e-9)
  }

  func testQuantifyByHandRatio() throws {
    // Two equal Gaussians (same area), RSFs 1 and 2 → 66.67 % and 33.33 %.
    var text = "Binding Energy (eV)\tIntensity\n"
    for i in 0..<400 {
      let x = 300 - 0.05 * Double(i)
      let y = 10 + 500 * exp(-4 * log(2.0) * (x - 285) * (x - 285)) + 500 * exp(-4 * log(2.0) * (x - 290) * (x - 290))
      text += "\(x)\t\(y)\n"
    }
    let path = folder.appendingPathComponent("two.txt").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["xps", "quantify", path, "--model", "constant + gaussian(285) + gaussian(290)",
                                    "--rsf", "p1=1", "--rsf", "p2=2", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let groups = try XCTUnwrap(try result.json()["groups"] as? [[String: Any]])
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(groups[0]["atomic_percent"] as Any)), 200.0 / 3, accuracy: 1e-6)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(groups[1]["atomic_percent"] as Any)), 100.0 / 3, accuracy: 1e-6)
    let missing = try CLIRunner.run(["xps", "quantify", path, "--model", "constant + gaussian(285) + gaussian(290)", "--rsf", "p1=1"])
    XCTAssertNotEqual(missing.status, 0)
    XCTAssertTrue(missing.stderr.contains("p2"), missing.stderr)
  }

  func testQuantifyWithScofieldAndChargeReference() throws {
    // C 1s charged to 286.0 eV and O 1s at 533.2 eV, equal Gaussians (height 500, FWHM 1) so equal
    // areas; Scofield (Al Kα) S = 1 and 2.93 → C 2.93/3.93 = 74.55470737913486 %, O 25.44529262086514 %.
    // The reference C=284.8 shifts the scale by 284.8 − 286.0 = −1.2 eV: O 1s reported at 532.0 eV.
    var text = "Binding Energy (eV)\tIntensity\n"
    for i in 0..<1000 {
      let x = 540 - 0.27 * Double(i)
      let y = 10 + 500 * exp(-4 * log(2.0) * (x - 286) * (x - 286)) + 500 * exp(-4 * log(2.0) * (x - 533.2) * (x - 533.2))
      text += "\(x)\t\(y)\n"
    }
    let path = folder.appendingPathComponent("co.txt").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let model = "constant + gaussian(286.1, 1) + gaussian(533.1, 1)"
    let result = try CLIRunner.run(["xps", "quantify", path, "--model", model, "--xray-source", "AlKa",
                                    "--scofield", "p1=C1s", "--scofield", "p2=O 1s", "--charge-reference", "p1", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let doc = try result.json()
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(doc["charge_shift"] as Any)), -1.2, accuracy: 1e-6)
    let groups = try XCTUnwrap(doc["groups"] as? [[String: Any]])
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(groups[0]["atomic_percent"] as Any)), 74.55470737913486, accuracy: 1e-5)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(groups[1]["binding_energy"] as Any)), 532.0, accuracy: 1e-6)
    XCTAssertTrue((groups[1]["rsf_source"] as? String)?.contains("Scofield O 1s") ?? false)
    let mg = try CLIRunner.run(["xps", "quantify", path, "--model", model, "--xray-source", "MgKa", "--scofield", "p1=C1s", "--rsf", "p2=1"])
    XCTAssertNotEqual(mg.status, 0)
    XCTAssertTrue(mg.stderr.contains("Mg"), mg.stderr)
    let badImfp = try CLIRunner.run(["xps", "quantify", path, "--model", model, "--rsf", "p1=1", "--rsf", "p2=1", "--imfp", "tpp2m:1,2"])
    XCTAssertNotEqual(badImfp.status, 0)
  }

  func testMalformedFileAndModelAreErrors() throws {
    let path = folder.appendingPathComponent("bad.csv").path
    try "BE/eV,Counts\n290,10\n289,oops\n".write(toFile: path, atomically: true, encoding: .utf8)
    let read = try CLIRunner.run(["spectrum", "read", path])
    XCTAssertNotEqual(read.status, 0)
    XCTAssertTrue(read.stderr.contains("bad.csv:3"), read.stderr)
    let good = try writeXPS()
    let model = try CLIRunner.run(["spectrum", "fit", good, "--model", "linear + wobble(284)"])
    XCTAssertNotEqual(model.status, 0)
    XCTAssertTrue(model.stderr.contains("wobble"), model.stderr)
  }
}
