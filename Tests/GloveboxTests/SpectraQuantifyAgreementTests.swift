import Engine
import Foundation
import XCTest

@testable import Workbench
@testable import glovebox

/// The Spectra pane's atomic % equals `glovebox xps quantify` on the same file and model, with
/// Scofield factors, the source, both KE corrections and a charge reference.
final class SpectraQuantifyAgreementTests: XCTestCase {
  func testPaneAtomicPercentEqualsTheCLI() throws {
    let folder = try CLIRunner.temporaryFolder(self)
    // Two Gaussian lines at 286.0 and 290.0 eV (areas 2000 and 800, FWHM 1.4) on 50 counts.
    var text = "Binding Energy (eV),Intensity\n"
    for i in 0...400 {
      let x = 280 + Double(i) * 0.04
      let g = { (c: Double, area: Double) in area / (1.4 * 1.0644670) * exp(-4 * log(2.0) * (x - c) * (x - c) / (1.4 * 1.4)) }
      text += "\(x),\(50 + g(286, 2000) + g(290, 800))\n"
    }
    try text.write(to: folder.appendingPathComponent("c1s.csv"), atomically: true, encoding: .utf8)
    var pane = SpectraPane(workspace: folder.path)
    let contents = SpectraFileReading.read("c1s.csv", workspace: folder.path)
    XCTAssertNil(contents.error)
    _ = pane.handle(.jobFinished(.spectra(.readFiles(paths: ["c1s.csv"]), .success(.files([contents])))))
    // The cursor starts mid-axis (288 eV); right lowers the binding energy by 1 % of 16 eV.
    for _ in 0..<12 { _ = pane.perform(.cursorRight) }
    _ = pane.perform(.addComponent)
    for _ in 0..<25 { _ = pane.perform(.cursorLeft) }
    _ = pane.perform(.addComponent)
    guard case .startJob(.spectra(let job)) = pane.perform(.fit).first else { return XCTFail("no fit job") }
    _ = pane.handle(.jobFinished(.spectra(job, .success(try XCTUnwrap(try job.computed(context: JobContext()))))))
    XCTAssertEqual(pane.currentFit?.result.success, true)
    _ = pane.perform(.editSensitivities)
    for _ in 0..<200 { _ = pane.handle(.key(.backspace)) }
    for c in "p1=C1s p2=O1s source=AlKa t=-0.5 imfp=power:0.75 ref=p1@284.8" { _ = pane.handle(.key(.character(c))) }
    _ = pane.handle(.key(.enter))
    let q = try XCTUnwrap(try pane.quantification?.get())

    guard case .writeFiles(let files, _) = pane.perform(.export).first else { return XCTFail("no export") }
    let model = folder.appendingPathComponent("model.toml")
    try XCTUnwrap(files.first { $0.path.hasSuffix(".model.toml") }).contents.write(to: model)
    let cli = try CLIRunner.run(["xps", "quantify", folder.appendingPathComponent("c1s.csv").path, "--model", model.path,
                                 "--scofield", "p1=C1s", "--scofield", "p2=O1s", "--xray-source", "AlKa",
                                 "--transmission-exponent=-0.5", "--imfp", "power:0.75", "--charge-reference", "p1=284.8", "--json"])
    XCTAssertEqual(cli.status, 0, cli.stderr)
    let doc = try cli.json()
    let groups = try XCTUnwrap(doc["groups"] as? [[String: Any]])
    XCTAssertEqual(groups.map { $0["name"] as? String }, ["p1", "p2"])
    for g in groups {
      let name = try XCTUnwrap(g["name"] as? String)
      let pane = try XCTUnwrap(q.percent[name])
      XCTAssertEqual(try XCTUnwrap(CLIRunner.number(g["atomic_percent"] as Any)), pane.value, accuracy: 1e-9, name)
      XCTAssertEqual(try XCTUnwrap(CLIRunner.number(g["atomic_percent_err"] as Any)), pane.error, accuracy: 1e-9, name)
      XCTAssertEqual(g["rsf_source"] as? String, q.factorSources.first { $0.group == name }?.source)
    }
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(doc["charge_shift"] as Any)), q.charge?.correction.shift ?? .nan, accuracy: 1e-9)
    // And the numbers are not the uncorrected ones: S(O 1s) = 2.93 makes p2 well below its area share.
    XCTAssertLessThan(q.percent["p2"]?.value ?? 100, 100 * 800 / 2800)
  }
}
