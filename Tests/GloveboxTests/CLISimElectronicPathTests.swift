import Foundation
import XCTest

/// `glovebox sim run|resume` on an electronic-path preset: the run folder's config keeps the
/// `[electronic]` table (resume reads it from there), the snapshots carry φₑ and the bulk
/// deposit, and stopping and resuming gives the bytes of the uninterrupted run.
final class CLISimElectronicPathTests: XCTestCase {
  private func checkpoint(_ folder: URL) throws -> String {
    let data = try Data(contentsOf: folder.appendingPathComponent("status.json"))
    let status = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try XCTUnwrap(status["checkpoint"] as? String)
  }

  func testElectronicPresetRunsAndResumesBitForBit() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let preset = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model3_electronic.toml").path
    let whole = temporary.appendingPathComponent("whole"), split = temporary.appendingPathComponent("split")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]
    let run = try CLIRunner.run(["sim", "run", preset, "--out", whole.path, "--grid", "32", "--steps", "12", "--json"],
                                environment: wisdom)
    XCTAssertEqual(run.status, 0, run.stderr)
    let config = try String(contentsOf: whole.appendingPathComponent("config.toml"), encoding: .utf8)
    XCTAssertTrue(config.contains("[electronic]\nelectrolyte_conductivity = 3.73e-07"), config)
    XCTAssertTrue(config.contains("upper_electrolyte_conductivity = 1.91e-07"), config)
    let name = try checkpoint(whole)
    let field = try Data(contentsOf: whole.appendingPathComponent("fields").appendingPathComponent(name))
    let text = String(decoding: field, as: UTF8.self)
    XCTAssertTrue(text.contains("Name=\"electronic_potential\""))
    XCTAssertTrue(text.contains("Name=\"bulk_deposit\""))

    let first = try CLIRunner.run(["sim", "run", preset, "--out", split.path, "--grid", "32", "--steps", "6", "--json"],
                                  environment: wisdom)
    XCTAssertEqual(first.status, 0, first.stderr)
    let resumed = try CLIRunner.run(["sim", "resume", split.path, "--steps", "6", "--json"], environment: wisdom)
    XCTAssertEqual(resumed.status, 0, resumed.stderr)
    XCTAssertEqual(try checkpoint(split), name)
    let splitField = try Data(contentsOf: split.appendingPathComponent("fields").appendingPathComponent(name))
    XCTAssertEqual(splitField, field, "the resumed electronic-path run differs from the uninterrupted one")
  }
}
