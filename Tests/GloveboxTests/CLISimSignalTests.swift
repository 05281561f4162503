import Foundation
import XCTest

/// A run stopped by a signal finishes its step, writes a checkpoint and says `stopped`; resuming
/// it gives the bytes of a run never interrupted.
final class CLISimSignalTests: XCTestCase {
  func testSIGINTWritesACheckpointAndResumeMatchesAnUninterruptedRun() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    let split = temporary.appendingPathComponent("split")
    let whole = temporary.appendingPathComponent("whole")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]

    // Far more steps and time than it will make (model1 stops at t = 5 s, reached in under a
    // second at 32²): the signal, not a limit, ends it. The status written
    // after the first second of stepping shows a step > 0: interrupt there, mid-run.
    let process = try start(["sim", "run", model, "--out", split.path, "--grid", "32", "--steps", "1000000", "--until", "100000"], environment: wisdom)
    _ = try waitForStatus(split) { ($0["state"] as? String) == "running" && (CLIRunner.number($0["step"]) ?? 0) > 0 }
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .exit)
    XCTAssertEqual(process.terminationStatus, 128 + SIGINT, "a run stopped by SIGINT exits with 130")

    let stopped = try status(split)
    XCTAssertEqual(stopped["state"] as? String, "stopped")
    XCTAssertTrue((stopped["message"] as? String ?? "").contains("SIGINT"), "\(stopped)")
    let stepAtStop = Int(try XCTUnwrap(CLIRunner.number(stopped["step"])))
    XCTAssertGreaterThan(stepAtStop, 0)
    XCTAssertLessThan(stepAtStop, 1_000_000)
    // The checkpoint is the state at the stop step: the step in progress was finished, not lost.
    XCTAssertEqual(stopped["checkpoint"] as? String, String(format: "step_%09d.vti", stepAtStop))
    let log = try String(contentsOf: split.appendingPathComponent("log.txt"), encoding: .utf8)
    XCTAssertTrue(log.contains("stopped by SIGINT at step \(stepAtStop)"), log)

    // The same total in one go, and the interrupted run resumed for the rest.
    let extra = 12
    let uninterrupted = try CLIRunner.run(["sim", "run", model, "--out", whole.path, "--grid", "32",
                                           "--steps", "\(stepAtStop + extra)", "--until", "100000", "--json"], environment: wisdom)
    XCTAssertEqual(uninterrupted.status, 0, uninterrupted.stderr)
    let resumed = try CLIRunner.run(["sim", "resume", split.path, "--steps", "\(extra)", "--json"], environment: wisdom)
    XCTAssertEqual(resumed.status, 0, resumed.stderr)
    let finalName = String(format: "step_%09d.vti", stepAtStop + extra)
    XCTAssertEqual(try status(split)["checkpoint"] as? String, finalName)
    XCTAssertEqual(try status(whole)["checkpoint"] as? String, finalName)
    let wholeField = try Data(contentsOf: whole.appendingPathComponent("fields/\(finalName)"))
    let splitField = try Data(contentsOf: split.appendingPathComponent("fields/\(finalName)"))
    XCTAssertEqual(splitField.count, wholeField.count)
    XCTAssertTrue(splitField == wholeField, "the resumed run's final snapshot differs from the uninterrupted run's")
  }

  func testSIGTERMStopsADetachedRun() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    let out = temporary.appendingPathComponent("detached")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]
    let started = try CLIRunner.run(["sim", "run", model, "--out", out.path, "--grid", "32", "--steps", "1000000", "--until", "100000",
                                     "--detach", "--json"], environment: wisdom)
    XCTAssertEqual(started.status, 0, started.stderr)
    let pid = Int32(try XCTUnwrap(CLIRunner.number(try started.json()["pid"])))
    let running = try waitForStatus(out) { ($0["state"] as? String) == "running" && (CLIRunner.number($0["step"]) ?? 0) > 0 }
    XCTAssertEqual(CLIRunner.number(running["pid"]).map { Int32($0) }, pid)
    kill(pid, SIGTERM)
    let stopped = try waitForStatus(out, seconds: 60) { ($0["state"] as? String) == "stopped" }
    XCTAssertTrue((stopped["message"] as? String ?? "").contains("SIGTERM"), "\(stopped)")
    let step = Int(try XCTUnwrap(CLIRunner.number(stopped["step"])))
    XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(String(format: "fields/step_%09d.vti", step)).path))
  }

  /// kill -9 cannot be handled: the run keeps the last snapshot it renamed into place (written to
  /// a temporary file first), lists as stale, and resumes from that snapshot's step.
  func testKill9LeavesAReadableCheckpointAndAStaleRun() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path
    let out = temporary.appendingPathComponent("killed")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("fftw-wisdom").path]
    // Output every 0.002 s of simulated time (a few steps): snapshots are being written when it dies.
    let process = try start(["sim", "run", model, "--out", out.path, "--grid", "32", "--steps", "1000000", "--until", "100000",
                             "--output-interval", "0.002"], environment: wisdom)
    _ = try waitForStatus(out) { (CLIRunner.number($0["step"]) ?? 0) > 0 }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .uncaughtSignal)

    let fields = out.appendingPathComponent("fields")
    let names = try FileManager.default.contentsOfDirectory(atPath: fields.path)
    let snapshots = names.filter { $0.hasPrefix("step_") && $0.hasSuffix(".vti") }.sorted()
    let latest = try XCTUnwrap(snapshots.last)
    let text = try String(contentsOf: fields.appendingPathComponent(latest), encoding: .utf8)
    XCTAssertTrue(text.hasSuffix("</VTKFile>\n"), "the latest snapshot is whole")
    let listed = try CLIRunner.run(["sim", "list", temporary.path, "--json"])
    let entry = try XCTUnwrap((try listed.json()["runs"] as? [[String: Any]])?.first)
    XCTAssertEqual(entry["state"] as? String, "stale")
    XCTAssertEqual(entry["latest_snapshot"] as? String, latest)
    let step = Int(try XCTUnwrap(Int(latest.dropFirst(5).dropLast(4))))
    let resumed = try CLIRunner.run(["sim", "resume", out.path, "--steps", "3", "--json"], environment: wisdom)
    XCTAssertEqual(resumed.status, 0, resumed.stderr)
    XCTAssertEqual(CLIRunner.number(try status(out)["step"]).map { Int($0) }, step + 3, "resumed from \(latest), not from 0")
  }
}
