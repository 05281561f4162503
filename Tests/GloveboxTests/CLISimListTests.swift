import Foundation
import XCTest

/// `glovebox sim list` and `sim watch` on real run folders in each state.
final class CLISimListTests: XCTestCase {
  let model = CLIRunner.repositoryRoot.appendingPathComponent("Examples/sim/model1.toml").path

  /// Rewrites status.json with `changes` applied (as a crashed or foreign process would leave it).
  private func rewriteStatus(_ folder: URL, _ changes: [String: Any]) throws {
    var document = try status(folder)
    for (key, value) in changes { document[key] = value }
    try JSONSerialization.data(withJSONObject: document).write(to: folder.appendingPathComponent("status.json"))
  }

  /// A pid that no process has: a child that has exited and been reaped.
  private func deadPid() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  func testListShowsEveryStateAndWatchFollowsAFinishedRun() throws {
    let workspace = try CLIRunner.temporaryFolder(self)
    let runs = workspace.appendingPathComponent("runs")
    let wisdom = ["GLOVEBOX_FFTW_WISDOM": workspace.appendingPathComponent("fftw-wisdom").path]
    func run(_ name: String, _ extra: [String]) throws -> CLIRunner.Result {
      try CLIRunner.run(["sim", "run", model, "--out", runs.appendingPathComponent(name).path, "--grid", "32"] + extra,
                        environment: wisdom)
    }
    XCTAssertEqual(try run("finished", ["--steps", "6"]).status, 0)
    // Stopped: a detached run stopped with SIGTERM after its first status with steps.
    let detached = try run("stopped", ["--steps", "1000000", "--until", "100000", "--detach", "--json"])
    let stoppedPid = Int32(try XCTUnwrap(CLIRunner.number(try detached.json()["pid"])))
    _ = try waitForStatus(runs.appendingPathComponent("stopped")) { (CLIRunner.number($0["step"]) ?? 0) > 0 }
    kill(stoppedPid, SIGTERM)
    _ = try waitForStatus(runs.appendingPathComponent("stopped")) { ($0["state"] as? String) == "stopped" }
    // Stale: two finished runs whose status says running: one with a dead pid, one with a live
    // process that is not a glovebox run (this test).
    for (name, pid) in [("stale-dead", try deadPid()), ("stale-foreign", getpid())] {
      XCTAssertEqual(try run(name, ["--steps", "4"]).status, 0)
      try rewriteStatus(runs.appendingPathComponent(name), ["state": "running", "pid": Int(pid)])
    }
    // Torn: status.json cut in the middle.
    XCTAssertEqual(try run("torn", ["--steps", "2"]).status, 0)
    let tornURL = runs.appendingPathComponent("torn/status.json")
    let tornBytes = try Data(contentsOf: tornURL)
    try tornBytes.prefix(tornBytes.count / 2).write(to: tornURL)
    // Running: a detached run with far to go, stopped at the end of the test.
    let live = try run("nested/running", ["--steps", "1000000", "--until", "100000", "--detach", "--json"])
    let livePid = Int32(try XCTUnwrap(CLIRunner.number(try live.json()["pid"])))
    defer {
      kill(livePid, SIGTERM)
      _ = try? waitForStatus(runs.appendingPathComponent("nested/running"), seconds: 30) { ($0["state"] as? String) == "stopped" }
    }
    _ = try waitForStatus(runs.appendingPathComponent("nested/running")) { (CLIRunner.number($0["step"]) ?? 0) > 0 }

    let listed = try CLIRunner.run(["sim", "list", workspace.path, "--json"])
    XCTAssertEqual(listed.status, 0, listed.stderr)
    let entries = try XCTUnwrap(try listed.json()["runs"] as? [[String: Any]])
    var byName: [String: [String: Any]] = [:]
    for entry in entries { byName[(entry["name"] as? String).map { ($0 as NSString).lastPathComponent } ?? "?"] = entry }
    XCTAssertEqual(Set(byName.keys), ["finished", "stopped", "stale-dead", "stale-foreign", "torn", "running"])
    XCTAssertEqual(byName["finished"]?["state"] as? String, "finished")
    XCTAssertEqual(CLIRunner.number(byName["finished"]?["progress"]), 1, "6 of 6 steps")
    XCTAssertEqual(byName["finished"]?["model"] as? String, "model1")
    XCTAssertEqual(byName["stopped"]?["state"] as? String, "stopped")
    XCTAssertTrue((byName["stopped"]?["reason"] as? String ?? "").contains("SIGTERM"))
    XCTAssertEqual(byName["stale-dead"]?["state"] as? String, "stale")
    XCTAssertEqual(byName["stale-foreign"]?["state"] as? String, "stale")
    XCTAssertEqual(byName["running"]?["state"] as? String, "running")
    XCTAssertEqual(CLIRunner.number(byName["running"]?["pid"]).map { Int32($0) }, livePid)
    XCTAssertNotNil(CLIRunner.number(byName["running"]?["steps_per_second"]))
    XCTAssertEqual(byName["torn"]?["state"] as? String, "unknown")
    let tornErrors = byName["torn"]?["errors"] as? [String] ?? []
    XCTAssertTrue(tornErrors.first?.contains("status.json:") ?? false, "\(tornErrors)")
    // Newest activity first: the live run writes last.
    XCTAssertEqual((entries.first?["name"] as? String).map { ($0 as NSString).lastPathComponent }, "running")
    // Looking changed nothing: the torn file is still torn.
    XCTAssertEqual(try Data(contentsOf: tornURL), tornBytes.prefix(tornBytes.count / 2))

    // watch on the finished run, stdout not a terminal: one line with the final facts, exit 0.
    let finishedFolder = runs.appendingPathComponent("finished")
    let watched = try CLIRunner.run(["sim", "watch", finishedFolder.path])
    XCTAssertEqual(watched.status, 0, watched.stderr)
    let metrics = try String(contentsOf: finishedFolder.appendingPathComponent("metrics.csv"), encoding: .utf8)
    let header = try XCTUnwrap(metrics.split(separator: "\n").first).split(separator: ",").map(String.init)
    let last = try XCTUnwrap(metrics.split(separator: "\n").last).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    func cell(_ name: String) throws -> Double { try XCTUnwrap(Double(last[try XCTUnwrap(header.firstIndex(of: name))])) }
    let time = try XCTUnwrap(CLIRunner.number(try status(finishedFolder)["time"]))
    let expected = "finished  step 6  t \(String(format: "%.4g", time)) s  100.0%  tip \(String(format: "%.4g", try cell("tip_height_um"))) µm"
      + "  Li \(String(format: "%.4g", try cell("li_area_fraction")))  j \(String(format: "%.4g", try cell("current_mA_per_cm2"))) mA/cm²\n"
    XCTAssertEqual(watched.stdout, expected)
    // watch on a stale run says so and exits 4.
    let stale = try CLIRunner.run(["sim", "watch", runs.appendingPathComponent("stale-dead").path])
    XCTAssertEqual(stale.status, 4, stale.stdout + stale.stderr)
    XCTAssertTrue(stale.stdout.contains("not running this folder"), stale.stdout)
    // A stale run whose pid now belongs to another live process resumes from its checkpoint
    // (step 4) here, instead of asking that process to resume.
    let resumed = try CLIRunner.run(["sim", "resume", runs.appendingPathComponent("stale-foreign").path, "--steps", "2", "--json"],
                                    environment: wisdom)
    XCTAssertEqual(resumed.status, 0, resumed.stderr)
    let after = try status(runs.appendingPathComponent("stale-foreign"))
    XCTAssertEqual(after["state"] as? String, "finished")
    XCTAssertEqual(CLIRunner.number(after["step"]), 6)
    let notRun = try CLIRunner.run(["sim", "watch", workspace.path])
    XCTAssertEqual(notRun.status, 2)
    XCTAssertTrue(notRun.stderr.contains("not a run folder"), notRun.stderr)
  }
}
