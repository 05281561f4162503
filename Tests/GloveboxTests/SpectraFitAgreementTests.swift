import Engine
import Foundation
import XCTest

@testable import Workbench
@testable import glovebox

/// The Spectra pane and `glovebox spectrum fit` fit the same way (both call `fitPeaks` on the
/// same window and model); this checks it end to end: the synthetic XPS example read by the
/// runtime's reader, a Shirley background and two Gaussians placed with the pane's keys, the fit
/// job, the exported model file, and the CLI run on that model with the same range.
final class SpectraFitAgreementTests: XCTestCase {
  let relative = "spectra/xps_ti2p_synthetic.csv"
  var examples: String { CLIRunner.repositoryRoot.appendingPathComponent("Examples").path }

  func testPaneFitEqualsCLIFitOfTheExportedModel() throws {
    var pane = SpectraPane(workspace: examples)
    let contents = SpectraFileReading.read(relative, workspace: examples)
    XCTAssertNil(contents.error)
    _ = pane.handle(.jobFinished(.spectra(.readFiles(paths: [relative]), .success(.files([contents])))))
    XCTAssertEqual(pane.backgroundName, "shirley")
    _ = pane.perform(.editRange)
    for c in "455 468" { _ = pane.handle(.key(.character(c))) }
    XCTAssertEqual(pane.handle(.key(.enter)), [.render])
    // The cursor starts at 461 eV (mid-axis); right lowers binding energy by 1 % of 18 eV.
    for _ in 0..<10 { _ = pane.perform(.cursorRight) }
    XCTAssertEqual(pane.cursor ?? 0, 459.2, accuracy: 1e-9)
    _ = pane.perform(.addComponent)
    for _ in 0..<30 { _ = pane.perform(.cursorLeft) }
    _ = pane.perform(.addComponent)
    guard case .startJob(let job) = pane.perform(.fit).first, case .spectra(let spectraJob) = job else { return XCTFail("no fit job") }
    let result = try XCTUnwrap(try spectraJob.computed(context: JobContext()))
    _ = pane.handle(.jobFinished(.spectra(spectraJob, .success(result))))
    let fit = try XCTUnwrap(pane.currentFit?.result)
    XCTAssertTrue(fit.success, fit.fit.message)
    // The generator's peaks (Examples/spectra/README.md): 459.0 and 464.7 eV, areas 3000 and 1500.
    XCTAssertEqual(fit.components[0].center.value, 459.0, accuracy: 0.05)
    XCTAssertEqual(fit.components[1].center.value, 464.7, accuracy: 0.15)
    XCTAssertEqual(fit.components[0].fwhm.value, 1.2, accuracy: 0.1)

    guard case .writeFiles(let files, _) = pane.perform(.export).first else { return XCTFail("no export") }
    let folder = try CLIRunner.temporaryFolder(self)
    let model = folder.appendingPathComponent("model.toml")
    try XCTUnwrap(files.first { $0.path.hasSuffix(".model.toml") }).contents.write(to: model)
    let cli = try CLIRunner.run(["spectrum", "fit", "\(examples)/\(relative)", "--model", model.path, "--range", "455:468", "--json"])
    XCTAssertEqual(cli.status, 0, cli.stderr)
    let entry = try XCTUnwrap((try cli.json()["fits"] as? [[String: Any]])?.first)
    let components = try XCTUnwrap(entry["components"] as? [[String: Any]])
    XCTAssertEqual(components.count, fit.components.count)
    func same(_ cliValue: Any?, _ paneValue: Double, _ what: String) {
      guard let v = CLIRunner.number(cliValue) else { return XCTFail("\(what): no CLI number") }
      XCTAssertEqual(v, paneValue, accuracy: 1e-9 * max(1, abs(paneValue)), what)
    }
    for (c, p) in zip(components, fit.components) {
      XCTAssertEqual(c["name"] as? String, p.name)
      for (key, e) in [("center", p.center), ("fwhm", p.fwhm), ("height", p.height), ("area", p.area), ("area_percent", p.areaPercent)] {
        same(c[key], e.value, "\(p.name).\(key)")
        same(c[key + "_err"], e.error, "\(p.name).\(key)_err")
      }
    }
    same(entry["chi2"], fit.chiSquare, "chi2")
    same(entry["r2"], fit.rSquared, "r2")
    // And the pane's own CSV carries the same numbers.
    let csv = String(decoding: try XCTUnwrap(files.first { $0.path.hasSuffix(".fit.csv") }).contents, as: UTF8.self)
    let row = csv.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
    same(Double(row[6]), fit.components[0].center.value, "csv centre")
  }
}
