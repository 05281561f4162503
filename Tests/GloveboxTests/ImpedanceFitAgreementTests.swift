import Engine
import Foundation
import XCTest

@testable import Workbench

/// The Impedance pane and `glovebox eis fit` fit the same way by construction (both run
/// `CircuitFit.run` on a `CircuitFitRequest`); this checks it end to end, through each side's own
/// input handling and JSON: the pane's fit job and export against the CLI's `--json` output, on
/// impedance.py's example spectrum.
final class ImpedanceFitAgreementTests: XCTestCase {
  let circuitText = "L0-R0-p(R1,CPE1)-p(R2,CPE2)"

  var fixture: String {
    CLIRunner.repositoryRoot.appendingPathComponent("Tests/EngineTests/Fixtures/eis/exampleData.csv").path
  }

  /// The report the pane's export writes for the fit of the file's first spectrum.
  func paneReport(weighting: ImpedanceWeighting, given: Parameters) throws -> FitReport {
    let spectrum = try XCTUnwrap(try ImpedanceReader.read(contentsOf: URL(fileURLWithPath: fixture)).first)
    let outcome = try ImpedanceFitJob.fit(ImpedanceFitRequest(entry: 0, key: ImpedanceSpectrumKey(path: "x", index: 0), fit: CircuitFitRequest(
      circuit: try Circuit(circuitText), spectrum: spectrum, weighting: weighting, given: given)), context: JobContext())
    let entry = LoadedImpedanceSpectrum(path: fixture, index: 0, spectrum: spectrum, fit: outcome)
    let document = try ImpedanceExport.json([entry])
    struct Export: Decodable { var spectra: [FitReport] }
    return try XCTUnwrap(try JSONDecoder().decode(Export.self, from: Data(document.utf8)).spectra.first)
  }

  /// The report `glovebox eis fit --json` prints for the same file's first spectrum.
  func cliReport(_ options: [String]) throws -> FitReport {
    let result = try CLIRunner.run(["eis", "fit", fixture, "--circuit", circuitText, "--json"] + options)
    XCTAssertEqual(result.status, 0, result.stderr)
    struct Output: Decodable {
      struct File: Decodable { var spectra: [FitReport] }
      var files: [File]
    }
    let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    return try XCTUnwrap(output.files.first?.spectra.first)
  }

  func testAutomaticFitGivesTheSameReport() throws {
    let pane = try paneReport(weighting: .unit, given: Parameters())
    XCTAssertEqual(pane, try cliReport([]))
    // impedance.py's optimum on this spectrum (CircuitFitTests).
    XCTAssertEqual(pane.chiSquare, 1.570987e-05, accuracy: 1e-10)
  }

  /// A start for every parameter, the second one fixed: the pane holds full circuit parameters
  /// (units, bounds) as its table shows them, the CLI parses name=value pairs and `--fix`.
  func testGivenStartWithAFixedValueGivesTheSameReport() throws {
    let circuit = try Circuit(circuitText)
    let values = [1e-6, 0.015, 0.01, 1, 0.8, 0.02, 50, 0.6]
    var given = circuit.parameters(values: values)
    given[1].fixed = true
    let pane = try paneReport(weighting: .proportional, given: given)
    let pairs = zip(circuit.parameterNames, values).map { "\($0)=\($1)" }.joined(separator: ",")
    let cli = try cliReport(["--initial", pairs, "--fix", "R0", "--weight", "proportional"])
    XCTAssertEqual(pane, cli)
    XCTAssertEqual(pane.value(of: "R0"), 0.015)
    XCTAssertEqual(pane.weighting, "proportional")
    XCTAssertFalse(pane.message.contains("best of"), "a complete start is one local fit: \(pane.message)")
  }
}
