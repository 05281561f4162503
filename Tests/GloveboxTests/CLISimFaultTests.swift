import Foundation
import XCTest

/// Run folders under faults (issue 18 §3), end to end through the CLI: a full disk, the first
/// moment of a run, metrics rows of detached and signalled runs, and kill -9 at random moments.
final class CLISimFaultTests: XCTestCase {
  let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path

  /// The steps of metrics.csv's rows, after checking its header and that every row is whole.
  private func metricsSteps(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [Int] {
    let text = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
    XCTAssertTrue(text.hasSuffix("\n"), "metrics.csv ends with a whole row", file: file, line: line)
    let lines = text.split(separator: "\n")
    let columns = try XCTUnwrap(lines.first, file: file, line: line).split(separator: ",").count
    XCTAssertTrue(lines.first?.hasPrefix("step,time_s") ?? false, "one header, first", file: file, line: line)
    return try lines.dropFirst().map { row in
      let cells = row.split(separator: ",", omittingEmptySubsequences: false)
      XCTAssertEqual(cells.count, columns, "a whole row: \(row)", file: file, line: line)
      return try XCTUnwrap(Int(cells[0]), "a step: \(row)", file: file, line: line)
    }
  }

  /// One row per output: the steps strictly increase (no row twice), from step 0.
  private func assertOneRowPerStep(_ folder: URL, endingAt last: Int, file: StaticString = #filePath, line: UInt = #line) throws {
    let steps = try metricsSteps(folder, file: file, line: line)
    XCTAssertEqual(steps.first, 0, "the step-0 row", file: file, line: line)
    XCTAssertEqual(steps.last, last, "the final row", file: file, line: line)
    XCTAssertEqual(steps, steps.sorted(), file: file, line: line)
    XCTAssertEqual(Set(steps).count, steps.count, "a row written twice: \(steps)", file: file, line: line)
  }

  private func temporaries(_ folder: URL) -> [String] {
    let manager = FileManager.default
    let top = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
    let fields = (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent("fields").path)) ?? []
    return (top + fields).filter { $0.hasPrefix(".partial-") || $0.hasPrefix(".dat.nosync") }
  }

  // MARK: status.json from the first moment

  /// Polled as fast as the file system answers while the run starts: whenever a snapshot
  /// exists, status.json already does.
  func testStatusExistsBeforeTheFirstSnapshotOfAForegroundRun() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let out = temporary.appendingPathComponent("fg")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]
    let process = try start(["sim", "run", model, "--out", out.path, "--grid", "64", "--steps", "5"], environment: wisdom)
    let manager = FileManager.default
    var sawStatusFirst = false
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning, Date() < deadline {
      let hasStatus = manager.fileExists(atPath: out.appendingPathComponent("status.json").path)
      let snapshots = ((try? manager.contentsOfDirectory(atPath: out.appendingPathComponent("fields").path)) ?? [])
        .filter { $0.hasPrefix("step_") }
      if !snapshots.isEmpty {
        XCTAssertTrue(hasStatus, "a snapshot (\(snapshots)) before status.json")
        break
      }
      if hasStatus { sawStatusFirst = true }
    }
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertTrue(sawStatusFirst, "status.json was seen before any snapshot")
    XCTAssertEqual(try status(out)["state"] as? String, "finished")
  }

  /// When `sim run --detach` returns, status.json is there and names the child, which runs.
  func testStatusExistsWhenADetachedStartReturns() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let out = temporary.appendingPathComponent("bg")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]
    let started = try CLIRunner.run(["sim", "run", model, "--out", out.path, "--grid", "32", "--steps", "30", "--detach", "--json"],
                                    environment: wisdom)
    XCTAssertEqual(started.status, 0, started.stderr)
    let pid = Int32(try XCTUnwrap(CLIRunner.number(try started.json()["pid"])))
    let first = try status(out)
    XCTAssertEqual(CLIRunner.number(first["pid"]).map { Int32($0) }, pid, "the child's pid: \(first)")
    XCTAssertNotEqual(first["state"] as? String, "failed")
    let done = try waitForStatus(out) { ($0["state"] as? String) == "finished" }
    XCTAssertEqual(CLIRunner.number(done["step"]), 30)
    // A detached run has its step-0 row, and its final row once.
    try assertOneRowPerStep(out, endingAt: 30)
  }

  // MARK: metrics rows

  /// SIGTERM, then resume: the stop's row once, and the resumed run's rows after it.
  func testMetricsAfterSIGTERMAndResumeHaveEachStepOnce() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let out = temporary.appendingPathComponent("term")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]
    let process = try start(["sim", "run", model, "--out", out.path, "--grid", "32", "--steps", "1000000", "--until", "100000",
                             "--output-interval", "0.002"], environment: wisdom)
    _ = try waitForStatus(out) { ($0["state"] as? String) == "running" && (CLIRunner.number($0["step"]) ?? 0) > 0 }
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 128 + SIGTERM)
    let stopped = Int(try XCTUnwrap(CLIRunner.number(try status(out)["step"])))
    try assertOneRowPerStep(out, endingAt: stopped)
    let resumed = try CLIRunner.run(["sim", "resume", out.path, "--steps", "7"], environment: wisdom)
    XCTAssertEqual(resumed.status, 0, resumed.stderr)
    try assertOneRowPerStep(out, endingAt: stopped + 7)
  }

  // MARK: kill -9

  /// kill -9 at random moments (a fixed seed), each followed by `sim resume`: the folder is
  /// stale, then finishes; no temporary file is left; and the final snapshot and metrics.csv are
  /// those of a run never interrupted (restarts are bit for bit, so the rows after the restored
  /// snapshot come back identical).
  func testKill9AtRandomMomentsThenResumeGivesTheUninterruptedRun() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]
    // A time limit, not a step count: config.toml keeps it, so a plain `sim resume` stops there.
    // 64² to t = 3 s lasts about 4 s in a release build, so the kills (0.2–1.5 s after each
    // start) land while it steps; at 32² to 0.1 s a release run ended before the first kill.
    let arguments = { (out: URL) in ["sim", "run", self.model, "--out", out.path, "--grid", "64", "--until", "3", "--output-interval", "0.05"] }
    let whole = temporary.appendingPathComponent("whole")
    let reference = try CLIRunner.run(arguments(whole), environment: wisdom)
    XCTAssertEqual(reference.status, 0, reference.stderr)
    let finalName = "fields/" + (try XCTUnwrap(try status(whole)["checkpoint"] as? String))

    var generator = SplitMix(seed: 18)
    let out = temporary.appendingPathComponent("killed")
    var kills = 0
    var process = try start(arguments(out), environment: wisdom)
    for round in 0..<4 {
      // 0.2–1.5 s: from the start-up (before the first snapshot) to deep in the stepping.
      let delay = 0.2 + 1.3 * generator.unit()
      Thread.sleep(forTimeInterval: delay)
      guard process.isRunning else { break }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      kills += 1
      XCTAssertEqual(process.terminationReason, .uncaughtSignal, "round \(round)")
      if let s = try? status(out), ["running", "paused"].contains(s["state"] as? String ?? "") {
        let shown = try CLIRunner.run(["sim", "status", out.path])
        XCTAssertTrue(shown.stdout.contains("stale"), "round \(round) (\(delay) s): \(shown.stdout)")
      }
      // Resume, to be killed again in the next round (the last one runs to the end below). A
      // kill before config.toml was written left no run: start it again.
      let started = FileManager.default.fileExists(atPath: out.appendingPathComponent("config.toml").path)
      process = try start(started ? ["sim", "resume", out.path] : arguments(out), environment: wisdom)
    }
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "the last resume finished")
    XCTAssertGreaterThanOrEqual(kills, 2, "the run was killed at least twice")
    XCTAssertEqual(try status(out)["state"] as? String, "finished")
    XCTAssertEqual(temporaries(out), [], "no temporary file is left")
    XCTAssertTrue(try Data(contentsOf: out.appendingPathComponent(finalName)) == Data(contentsOf: whole.appendingPathComponent(finalName)),
                  "the final snapshot differs from the uninterrupted run's")
    XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("metrics.csv"), encoding: .utf8),
                   try String(contentsOf: whole.appendingPathComponent("metrics.csv"), encoding: .utf8))
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small generator with a fixed seed, so the kill
/// moments are the same on every run.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Uniform in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
