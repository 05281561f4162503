import Foundation
import XCTest

/// End-to-end tests of `glovebox eis read|fit|sim|drt` and `glovebox arrhenius`.
final class CLIImpedanceTests: XCTestCase {
  private var fixture: String {
    CLIRunner.repositoryRoot.appendingPathComponent("Tests/EngineTests/Fixtures/eis/exampleData.csv").path
  }

  private func firstSpectrum(_ document: [String: Any]) throws -> [String: Any] {
    let files = try XCTUnwrap(document["files"] as? [[String: Any]])
    let spectra = try XCTUnwrap(files.first?["spectra"] as? [[String: Any]])
    return try XCTUnwrap(spectra.first)
  }

  private func numbers(_ value: Any?) throws -> [Double] {
    let array = try XCTUnwrap(value as? [Any])
    return array.compactMap { CLIRunner.number($0) }
  }

  func testReadGivesTheFileRowsAndCount() throws {
    let text = try String(contentsOfFile: fixture, encoding: .utf8)
    let rows = text.split(whereSeparator: \.isNewline).filter { !$0.isEmpty }
    let first = rows[0].split(separator: ",").compactMap { Double($0) }
    XCTAssertEqual(first.count, 3)
    let result = try CLIRunner.run(["eis", "read", fixture, "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let spectrum = try firstSpectrum(try result.json())
    let f = try numbers(spectrum["frequency_hz"])
    let re = try numbers(spectrum["z_real_ohm"])
    let im = try numbers(spectrum["z_imag_ohm"])
    XCTAssertEqual(f.count, rows.count)
    XCTAssertEqual(re.count, rows.count)
    // The row of the file's first frequency, wherever the reader puts it (Z'' < 0: capacitive).
    let index = try XCTUnwrap(f.firstIndex { abs($0 - first[0]) <= 1e-12 * first[0] })
    XCTAssertEqual(re[index], first[1], accuracy: 1e-15)
    XCTAssertEqual(im[index], first[2], accuracy: 1e-15)
    XCTAssertLessThan(im[index], 0)
  }

  func testFitReachesTheImpedancePyOptimumWithoutAHandStart() throws {
    let result = try CLIRunner.run(["eis", "fit", fixture, "--circuit", "L0-R0-p(R1,CPE1)-p(R2,CPE2)", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let spectrum = try firstSpectrum(try result.json())
    XCTAssertEqual(spectrum["success"] as? Bool, true)
    // impedance.py (CustomCircuit.fit, unit weights) from a good start reaches these values,
    // χ² = Σ|Z − Ẑ|² ≈ 1.571e-5 Ω².
    let reference: [String: Double] = [
      "L0": 1.69142e-7, "R0": 0.0145424, "R1": 0.0202511, "CPE1_0": 6.06440, "CPE1_1": 0.484252,
      "R2": 0.208700, "CPE2_0": 459.827, "CPE2_1": 0.653567,
    ]
    let parameters = try XCTUnwrap(spectrum["parameters"] as? [[String: Any]])
    XCTAssertEqual(parameters.count, 8)
    // Parameter names may be CPE1_0/CPE1_1 or CPE1_Q/CPE1_n; compare in circuit order.
    let order = ["L0", "R0", "R1", "CPE1_0", "CPE1_1", "R2", "CPE2_0", "CPE2_1"]
    for (parameter, name) in zip(parameters, order) {
      let value = try XCTUnwrap(CLIRunner.number(parameter["value"]), "\(parameter)")
      let expected = try XCTUnwrap(reference[name])
      XCTAssertEqual(value, expected, accuracy: abs(expected) * 1e-3, "\(parameter["name"] ?? name)")
    }
    let chiSquare = try XCTUnwrap(CLIRunner.number(spectrum["chi2"]))
    XCTAssertEqual(chiSquare, 1.571e-5, accuracy: 1.571e-5 * 1e-3)
  }

  func testSimulatedRCMatchesTheHandFormula() throws {
    // R0-p(R1,C1): Z = R0 + R1 / (1 + jωR1C1) = R0 + R1/(1+x²) − j R1 x/(1+x²), x = ωR1C1.
    let r0 = 10.0, r1 = 100.0, c1 = 1e-6
    let frequencies = [1.0, 1 / (2 * Double.pi * r1 * c1), 1e5]  // the middle one has x = 1
    let result = try CLIRunner.run([
      "eis", "sim", "--circuit", "R0-p(R1,C1)", "--params", "R0=\(r0),R1=\(r1),C1=\(c1)",
      "--freq", frequencies.map { "\($0)" }.joined(separator: ","), "--json",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    let re = try numbers(document["z_real_ohm"])
    let im = try numbers(document["z_imag_ohm"])
    XCTAssertEqual(re.count, 3)
    for (i, f) in frequencies.enumerated() {
      let x = 2 * Double.pi * f * r1 * c1
      XCTAssertEqual(re[i], r0 + r1 / (1 + x * x), accuracy: 1e-9)
      XCTAssertEqual(im[i], -r1 * x / (1 + x * x), accuracy: 1e-9)
    }
    // At x = 1 the arc's apex: Z = 60 − 50j.
    XCTAssertEqual(re[1], 60, accuracy: 1e-9)
    XCTAssertEqual(im[1], -50, accuracy: 1e-9)
  }

  func testDRTOfTwoZARCsFindsBothTimeConstants() throws {
    // Z = R0 + Σ Rk / (1 + (jωτk)^φ), φ = 0.9: peaks of the DRT sit at τk (symmetric in ln τ).
    let r0 = 10.0, phi = 0.9
    let arcs: [(r: Double, tau: Double)] = [(30, 1e-5), (60, 1e-2)]
    var lines: [String] = []
    for k in 0...70 {
      let f = pow(10, 6 - Double(k) / 10)
      let omega = 2 * Double.pi * f
      var re = r0, im = 0.0
      for arc in arcs {
        let m = pow(omega * arc.tau, phi)
        let a = 1 + m * cos(phi * Double.pi / 2), b = m * sin(phi * Double.pi / 2)
        re += arc.r * a / (a * a + b * b)
        im -= arc.r * b / (a * a + b * b)
      }
      lines.append("\(f),\(re),\(im)")
    }
    let folder = try CLIRunner.temporaryFolder(self)
    let file = folder.appendingPathComponent("two-zarc.csv")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["eis", "drt", file.path, "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let spectrum = try firstSpectrum(try result.json())
    let peaks = try XCTUnwrap(spectrum["peaks"] as? [[String: Any]])
    let major = peaks.sorted { (CLIRunner.number($0["resistance_ohm"]) ?? 0) > (CLIRunner.number($1["resistance_ohm"]) ?? 0) }
      .prefix(2)
      .sorted { (CLIRunner.number($0["tau_s"]) ?? 0) < (CLIRunner.number($1["tau_s"]) ?? 0) }
    XCTAssertEqual(major.count, 2, "\(peaks)")
    for (peak, arc) in zip(major, arcs) {
      let tau = try XCTUnwrap(CLIRunner.number(peak["tau_s"]))
      XCTAssertEqual(log10(tau), log10(arc.tau), accuracy: 0.1, "peak \(peak)")
      let resistance = try XCTUnwrap(CLIRunner.number(peak["resistance_ohm"]))
      XCTAssertEqual(resistance, arc.r, accuracy: arc.r * 0.05, "peak \(peak)")
    }
  }

  func testMalformedCircuitNamesTheColumn() throws {
    // "R0-p(R1,C1" has 10 characters; the missing ')' is expected at column 11.
    let result = try CLIRunner.run(["eis", "fit", fixture, "--circuit", "R0-p(R1,C1", "--json"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("--circuit:1:11"), result.stderr)
    XCTAssertTrue(result.stdout.isEmpty, result.stdout)
    // "Q" is no element; it starts at column 4 of "R0-Q1".
    let unknown = try CLIRunner.run(["eis", "sim", "--circuit", "R0-Q1", "--params", "1,2", "--json"])
    XCTAssertNotEqual(unknown.status, 0)
    XCTAssertTrue(unknown.stderr.contains("--circuit:1:4"), unknown.stderr)
  }

  func testArrheniusOfThePaperLPSCTable() throws {
    // paper.md, "Conductivity and activation energy": LPSC pellet, T (K) and σ (mS/cm).
    let table = """
      temperature_K,conductivity_mS_cm
      343.15,24.85
      333.15,18.90
      323.15,13.88
      313.15,9.74
      303.15,7.03
      298.15,5.65
      293.15,4.45

      """
    let folder = try CLIRunner.temporaryFolder(self)
    let file = folder.appendingPathComponent("lpsc.csv")
    try table.write(to: file, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["arrhenius", file.path, "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    // Reported fit (paper.md): slope of ln(σT) against 1000/T −3.745, Ea = −slope·1000·k_B = 0.323 eV.
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(document["slope"])), -3.745, accuracy: 0.002)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(document["activation_energy_eV"])), 0.323, accuracy: 0.001)
  }

  func testMalformedSpectrumFileNamesFileLineAndColumn() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let file = folder.appendingPathComponent("broken.csv")
    // Line 2, character 5 ("abc") is not a number.
    try "1000,1.0,-0.5\n100,abc,-0.7\n10,1.5,-0.2\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["eis", "read", file.path, "--json"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("broken.csv:2:5"), result.stderr)
    // The JSON document still reports the file, with its error.
    let files = try XCTUnwrap(try result.json()["files"] as? [[String: Any]])
    XCTAssertTrue((files.first?["error"] as? String)?.contains("broken.csv:2:5") ?? false, "\(files)")
  }

  func testMalformedArrheniusTableNamesFileAndLine() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    let file = folder.appendingPathComponent("series.csv")
    try "temperature_K,conductivity_mS_cm\n300,1\n310,x\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["arrhenius", file.path, "--json"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("series.csv:3"), result.stderr)
    XCTAssertTrue(result.stdout.isEmpty, result.stdout)
  }
}
