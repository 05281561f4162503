import Foundation
import XCTest

/// End-to-end tests of `glovebox sim pfhub` and `glovebox sim run|resume` at small sizes.
final class CLISimTests: XCTestCase {
  private func pfhub7aError(dt: Double, stepper: String) throws -> Double {
    // Nx = 128 (Ny = 64) and t = 1 keep the spatial error (< 6e-5 here) well below the temporal
    // error at these steps; at Nx = 64 the spatial error (≈ 0.014) would swamp it.
    let result = try CLIRunner.run([
      "sim", "pfhub", "7a", "--nx", "128", "--dt", "\(dt)", "--until", "1", "--stepper", stepper, "--json",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try result.json()
    XCTAssertEqual(document["stepper"] as? String, stepper)
    return try XCTUnwrap(CLIRunner.number(document["l2_error"]))
  }

  func testPFHub7aEulerIsFirstOrderInTime() throws {
    // Backward/forward Euler: error ∝ Δt, so halving Δt halves the error (ratio 2).
    let errors = try [0.1, 0.05, 0.025].map { try pfhub7aError(dt: $0, stepper: "euler") }
    for (coarse, fine) in zip(errors, errors.dropFirst()) {
      XCTAssertEqual(coarse / fine, 2, accuracy: 0.2, "errors \(errors)")
    }
  }

  func testPFHub7aSBDF2IsSecondOrderInTime() throws {
    // SBDF2: error ∝ Δt², so halving Δt quarters the error (ratio 4).
    let errors = try [0.2, 0.1, 0.05].map { try pfhub7aError(dt: $0, stepper: "sbdf2") }
    for (coarse, fine) in zip(errors, errors.dropFirst()) {
      XCTAssertEqual(coarse / fine, 4, accuracy: 0.6, "errors \(errors)")
    }
  }

  func testRunWritesItsFolderAndResumeMatchesAnUninterruptedRun() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    let whole = temporary.appendingPathComponent("whole")
    let split = temporary.appendingPathComponent("split")
    // measured FFTW plans, recorded in a wisdom file of this test's own (as `sim run` does on a
    // machine): the three processes must make the same plans for the bytes to match
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]

    let run = try CLIRunner.run(["sim", "run", model, "--out", whole.path, "--grid", "32", "--steps", "20", "--json"], environment: wisdom)
    XCTAssertEqual(run.status, 0, run.stderr)
    let finished = try status(whole)
    XCTAssertEqual(finished["state"] as? String, "finished")
    XCTAssertEqual(CLIRunner.number(finished["step"]), 20)
    let metrics = try String(contentsOf: whole.appendingPathComponent("metrics.csv"), encoding: .utf8)
    let rows = metrics.split(whereSeparator: \.isNewline)
    XCTAssertGreaterThanOrEqual(rows.count, 2)
    XCTAssertTrue(rows.first?.hasPrefix("step,time_s") ?? false, metrics)
    XCTAssertTrue(rows.last?.hasPrefix("20,") ?? false, metrics)
    let checkpoint = try XCTUnwrap(finished["checkpoint"] as? String)
    let wholeField = try Data(contentsOf: whole.appendingPathComponent("fields").appendingPathComponent(checkpoint))
    XCTAssertTrue(String(decoding: wholeField.prefix(200), as: UTF8.self).contains("VTKFile"))

    // 10 steps, stop, then 10 more must give the same bytes as 20 in one go.
    let first = try CLIRunner.run(["sim", "run", model, "--out", split.path, "--grid", "32", "--steps", "10", "--json"], environment: wisdom)
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertEqual(CLIRunner.number(try status(split)["step"]), 10)
    let resumed = try CLIRunner.run(["sim", "resume", split.path, "--steps", "10", "--json"], environment: wisdom)
    XCTAssertEqual(resumed.status, 0, resumed.stderr)
    let after = try status(split)
    XCTAssertEqual(after["state"] as? String, "finished")
    XCTAssertEqual(CLIRunner.number(after["step"]), 20)
    XCTAssertEqual(after["checkpoint"] as? String, checkpoint)
    let splitField = try Data(contentsOf: split.appendingPathComponent("fields").appendingPathComponent(checkpoint))
    XCTAssertEqual(splitField, wholeField, "step-20 field after resume differs from the uninterrupted run")
    let splitMetrics = try String(contentsOf: split.appendingPathComponent("metrics.csv"), encoding: .utf8)
    XCTAssertEqual(splitMetrics.split(whereSeparator: \.isNewline).last, rows.last)
  }

  /// A run records FFTW's measured plans in the machine's wisdom file and in its folder; a
  /// wisdom file that is not FFTW wisdom is ignored (and replaced), never fatal.
  func testRunRecordsMeasuredPlansAndIgnoresBrokenWisdom() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    let machine = temporary.appendingPathComponent("cache/fftw-wisdom")
    try FileManager.default.createDirectory(at: machine.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("not wisdom\n".utf8).write(to: machine)
    let out = temporary.appendingPathComponent("run")
    let run = try CLIRunner.run(["sim", "run", model, "--out", out.path, "--grid", "32", "--steps", "3", "--json"],
                                environment: ["GLOVEBOX_FFTW_WISDOM": machine.path])
    XCTAssertEqual(run.status, 0, run.stderr)
    let recorded = try String(contentsOf: machine, encoding: .utf8)
    XCTAssertTrue(recorded.hasPrefix("(fftw-3"), recorded)
    let inFolder = try String(contentsOf: out.appendingPathComponent("fftw-wisdom"), encoding: .utf8)
    XCTAssertEqual(inFolder, recorded)
  }

  func testRunOfAMissingConfigurationFails() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let result = try CLIRunner.run([
      "sim", "run", temporary.appendingPathComponent("none.toml").path, "--out",
      temporary.appendingPathComponent("out").path, "--steps", "1",
    ])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("none.toml"), result.stderr)
  }
}
