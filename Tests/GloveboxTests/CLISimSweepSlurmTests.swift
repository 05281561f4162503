import Foundation
import XCTest

/// A sweep on a REAL Slurm: the single-node cluster of `.ci/slurm-single-node` (munge,
/// slurmctld and slurmd on this machine). `make test` (as root) and `.ci/run` start it; run alone
/// as root, this test starts it itself. Without a working Slurm the test FAILS with the reason.
final class CLISimSweepSlurmTests: XCTestCase {
  nonisolated(unsafe) static var startedHere = false

  /// Runs a command line (no shell) and returns status and output.
  @discardableResult
  func shell(_ arguments: [String], timeout: Double = 120) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-test-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, String(decoding: try Data(contentsOf: output), as: UTF8.self))
  }

  /// Slurm answers and the node takes jobs, starting the single-node cluster when this process
  /// may (root); otherwise a failure naming the reason.
  func requireSlurm() throws {
    let script = CLIRunner.repositoryRoot.appendingPathComponent(".ci/slurm-single-node").path
    if try shell([script, "status"], timeout: 30).0 == 0 { return }
    let (status, output) = try shell([script, "start"], timeout: 180)
    guard status == 0 else {
      XCTFail("a single-node Slurm could not be started (\(script) start): \(output)")
      throw SlurmUnavailable()
    }
    Self.startedHere = true
  }

  struct SlurmUnavailable: Error {}

  override class func tearDown() {
    if startedHere {
      let process = Process()
      process.executableURL = CLIRunner.repositoryRoot.appendingPathComponent(".ci/slurm-single-node")
      process.arguments = ["stop"]
      try? process.run()
      process.waitUntilExit()
    }
    super.tearDown()
  }

  func document(_ folder: URL, environment: [String: String]) throws -> [String: Any] {
    let result = try CLIRunner.run(["sim", "sweep", "status", folder.path, "--json"], environment: environment)
    XCTAssertEqual(result.status, 0, result.stderr)
    return try result.json()
  }

  func states(_ document: [String: Any]) -> [String] {
    ((document["points"] as? [[String: Any]]) ?? []).compactMap { $0["state"] as? String }
  }

  /// Polls `sweep status --json` until `done` holds; a time-out is a failure.
  func waitFor(_ folder: URL, environment: [String: String], seconds: Double, what: String,
               _ done: ([String: Any]) -> Bool) throws -> [String: Any] {
    let deadline = Date().addingTimeInterval(seconds)
    var last = try document(folder, environment: environment)
    while !done(last) {
      guard Date() < deadline else {
        XCTFail("timed out after \(Int(seconds)) s waiting for \(what); states \(states(last)); squeue: \(try shell(["squeue"]).1)")
        throw SlurmUnavailable()
      }
      Thread.sleep(forTimeInterval: 0.05)
      last = try document(folder, environment: environment)
    }
    return last
  }

  func metricsRows(_ folder: URL, _ point: String) throws -> [String] {
    try String(contentsOf: folder.appendingPathComponent(point).appendingPathComponent("metrics.csv"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
  }

  func testSlurmSweepFinishesEqualsLocalAndResumesACancelledTask() throws {
    if getuid() != 0 {
      let (status, output) = try shell([CLIRunner.repositoryRoot.appendingPathComponent(".ci/slurm-single-node").path, "status"], timeout: 30)
      guard status == 0 else { return XCTFail("no Slurm answers and this test is not root, so it cannot start one: \(output)") }
    } else {
      try requireSlurm()
    }
    let temporary = try CLIRunner.temporaryFolder(self)
    // One FFTW wisdom file for every run (local and Slurm tasks inherit the environment through
    // sbatch), so every process makes the same plans and the runs are comparable bit for bit.
    let environment = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("wisdom").path]
    // To t = 1 s a point steps for about a second in a release build: long enough that the
    // scancel below lands while point 3 runs (at 0.3 s it could finish first on a quiet machine).
    let overrides = ["--grid", "64", "--until", "1", "--output-interval", "0.05"]
    let sweep = "Examples/sim/potential-sweep.toml"

    // The reference: the same four points run locally, one after another.
    let local = temporary.appendingPathComponent("local")
    let localRun = try CLIRunner.run(["sim", "sweep", sweep, "--out", local.path, "--wait", "--processes", "1"] + overrides,
                                     environment: environment)
    XCTAssertEqual(localRun.status, 0, localRun.stderr + localRun.stdout)

    // The scheduler's refusal is its own message, and nothing is left behind.
    let refused = temporary.appendingPathComponent("refused")
    let refusal = try CLIRunner.run(["sim", "sweep", sweep, "--out", refused.path, "--executor", "slurm", "--partition", "nosuchpartition"]
                                      + overrides, environment: environment)
    XCTAssertEqual(refusal.status, 2, refusal.stdout)
    XCTAssertTrue(refusal.stderr.contains("sbatch refused the job array"), refusal.stderr)
    XCTAssertTrue(refusal.stderr.lowercased().contains("invalid partition"), refusal.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: refused.path))

    // The job array.
    let folder = temporary.appendingPathComponent("slurm")
    let submit = try CLIRunner.run(["sim", "sweep", sweep, "--out", folder.path, "--executor", "slurm", "--json"] + overrides,
                                   environment: environment)
    XCTAssertEqual(submit.status, 0, submit.stderr)
    let job = try XCTUnwrap(try submit.json()["job_id"] as? String)
    // Cancel point 3 (−0.25 V, the most steps) as soon as its run has started.
    let p3Status = folder.appendingPathComponent("p003/status.json")
    let deadline = Date().addingTimeInterval(300)
    while !FileManager.default.fileExists(atPath: p3Status.path) {
      guard Date() < deadline else { return XCTFail("task \(job)_3 never started: \(try shell(["squeue"]).1)") }
      Thread.sleep(forTimeInterval: 0.02)
    }
    let (cancelStatus, cancelOutput) = try shell(["scancel", "\(job)_3"])
    XCTAssertEqual(cancelStatus, 0, cancelOutput)
    let ended = try waitFor(folder, environment: environment, seconds: 600, what: "the array to end") { d in
      !states(d).contains(where: { ["queued", "running", "paused"].contains($0) })
    }
    XCTAssertEqual(states(ended), ["finished", "finished", "finished", "cancelled"], "\(ended)")
    // the three that ran through equal the local runs, row for row and digit for digit
    for point in ["p000", "p001", "p002"] {
      XCTAssertEqual(try metricsRows(folder, point), try metricsRows(local, point), point)
    }

    // resume resubmits only the cancelled point, which continues from its checkpoint
    let resume = try CLIRunner.run(["sim", "sweep", "resume", folder.path, "--json"], environment: environment)
    XCTAssertEqual(resume.status, 0, resume.stderr)
    XCTAssertEqual(try resume.json()["resubmitted"] as? [Int], [3])
    let done = try waitFor(folder, environment: environment, seconds: 600, what: "the resumed point") { d in
      !states(d).contains(where: { ["queued", "running", "paused"].contains($0) })
    }
    XCTAssertEqual(states(done), ["finished", "finished", "finished", "finished"], "\(done)")
    XCTAssertEqual((done["job_ids"] as? [String])?.count, 2)
    // The resumed run: every row of the uninterrupted local run, plus at most the one row the
    // stop wrote at the cancelled step; the final snapshot is the same bytes.
    let resumedRows = try metricsRows(folder, "p003"), localRows = try metricsRows(local, "p003")
    XCTAssertEqual(resumedRows.filter { localRows.contains($0) }, localRows)
    XCTAssertLessThanOrEqual(resumedRows.count - localRows.count, 1, "\(resumedRows.count) rows against \(localRows.count)")
    XCTAssertEqual(resumedRows.last, localRows.last)
    let localFields = try FileManager.default.contentsOfDirectory(atPath: local.appendingPathComponent("p003/fields").path).sorted()
    let slurmFields = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("p003/fields").path).sorted()
    let final = try XCTUnwrap(localFields.last)
    XCTAssertEqual(slurmFields.last, final)
    XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("p003/fields/\(final)")),
                   try Data(contentsOf: local.appendingPathComponent("p003/fields/\(final)")))
  }
}
