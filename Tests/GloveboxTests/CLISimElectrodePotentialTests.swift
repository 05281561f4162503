import Engine
import Foundation
import XCTest

/// `glovebox sim run --electrode-potential V`: the run folder's config.toml (what `sim resume`
/// and a detached run read) holds the given potential, and a non-finite one is refused.
final class CLISimElectrodePotentialTests: XCTestCase {
  func testTheGivenPotentialIsTheOneInTheRunsConfig() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    let given = try SimulationConfig.parse(try String(contentsOfFile: model, encoding: .utf8), fileName: model)
    // model1.toml says -0.2 V; -0.35 V differs, so the folder's value can only come from the option.
    XCTAssertEqual(given.physics.electrodePotential, -0.2)
    let out = temporary.appendingPathComponent("run")
    let run = try CLIRunner.run(["sim", "run", model, "--out", out.path, "--grid", "16", "--steps", "2",
                                 "--electrode-potential=-0.35", "--json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let path = out.appendingPathComponent("config.toml").path
    let recorded = try SimulationConfig.parse(try String(contentsOfFile: path, encoding: .utf8), fileName: path)
    XCTAssertEqual(recorded.physics.electrodePotential, -0.35)
    XCTAssertEqual(recorded.numerics.nx, 16, "the other overrides are recorded beside it")
  }

  func testANonFinitePotentialIsRefusedBeforeAnyFolderIsMade() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    for value in ["nan", "inf", "-inf"] {
      let out = temporary.appendingPathComponent("run-\(value)")
      let run = try CLIRunner.run(["sim", "run", model, "--out", out.path, "--steps", "1", "--electrode-potential=\(value)"])
      XCTAssertNotEqual(run.status, 0, value)
      XCTAssertTrue(run.stderr.contains("--electrode-potential must be a finite number of volts"), run.stderr)
      XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), value)
    }
  }

  func testAPotentialThatIsNotANumberIsRefused() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    let run = try CLIRunner.run(["sim", "run", model, "--out", temporary.appendingPathComponent("run").path,
                                 "--electrode-potential", "abc"])
    XCTAssertNotEqual(run.status, 0)
    XCTAssertTrue(run.stderr.contains("electrode-potential"), run.stderr)
  }
}
