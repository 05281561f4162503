import Foundation
import XCTest

/// `glovebox sim sweep` with the local executor, end to end, and its refusals of bad input.
final class CLISimSweepTests: XCTestCase {
  let sweepFile = "Examples/sim/potential-sweep.toml"
  let small = ["--grid", "32", "--until", "0.02", "--output-interval", "0.01"]

  func statusDocument(_ folder: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws -> [String: Any] {
    let result = try CLIRunner.run(["sim", "sweep", "status", folder.path, "--json"] + extra, environment: environment)
    XCTAssertEqual(result.status, 0, result.stderr)
    return try result.json()
  }

  func points(_ document: [String: Any]) throws -> [[String: Any]] {
    try XCTUnwrap(document["points"] as? [[String: Any]])
  }

  func testDetachedLocalSweepRunsEveryPointLikeAnOrdinaryRun() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let environment = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("wisdom").path]
    let folder = temporary.appendingPathComponent("sweep")
    let start = try CLIRunner.run(["sim", "sweep", sweepFile, "--out", folder.path, "--processes", "2"] + small, environment: environment)
    XCTAssertEqual(start.status, 0, start.stderr)
    XCTAssertTrue(start.stdout.contains("pool pid"), start.stdout)
    // detached: `sim sweep` returned at once; wait for the pool
    let deadline = Date().addingTimeInterval(600)
    var document = try statusDocument(folder, environment: environment)
    while try points(document).contains(where: { ($0["state"] as? String) != "finished" }) {
      guard Date() < deadline else { return XCTFail("the local sweep did not finish in 600 s: \(document)") }
      Thread.sleep(forTimeInterval: 0.5)
      document = try statusDocument(folder, environment: environment)
    }
    let list = try points(document)
    XCTAssertEqual(list.count, 4)
    XCTAssertEqual(list.compactMap { ($0["parameters"] as? [String: Any])?["physics.electrode_potential"] as? Double },
                   [-0.1, -0.15, -0.2, -0.25])
    XCTAssertEqual(list.compactMap { $0["folder"] as? String }, ["p000", "p001", "p002", "p003"])
    // point 2 is model1's own potential (−0.2 V): it must be exactly `sim run` of model1 with the same overrides
    let plain = temporary.appendingPathComponent("plain")
    let run = try CLIRunner.run(["sim", "run", "Examples/sim/model1.toml", "--out", plain.path] + small, environment: environment)
    XCTAssertEqual(run.status, 0, run.stderr)
    let plainMetrics = try String(contentsOf: plain.appendingPathComponent("metrics.csv"), encoding: .utf8)
    let pointMetrics = try String(contentsOf: folder.appendingPathComponent("p002/metrics.csv"), encoding: .utf8)
    XCTAssertEqual(pointMetrics, plainMetrics)
    XCTAssertGreaterThan(pointMetrics.split(separator: "\n").count, 2)
    // the observables are the last metrics row's (li_area_fraction is column 4, tip_height_um 5);
    // Foundation's JSONSerialization on Linux reads numbers to ~12 digits, hence the tolerance
    // here and the exact text comparison through the CSV below
    let last = try XCTUnwrap(plainMetrics.split(separator: "\n").last).split(separator: ",")
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(list[2]["final_tip_height_um"])), try XCTUnwrap(Double(last[4])), accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(CLIRunner.number(list[2]["final_li_area_fraction"])), try XCTUnwrap(Double(last[3])), accuracy: 1e-9)
    // a more negative potential grows the tip faster (model1.toml, the supply-limited regime)
    let tips = list.compactMap { CLIRunner.number($0["final_tip_height_um"]) }
    XCTAssertEqual(tips, tips.sorted(), "tip heights \(tips)")
    // CSV export: a header and one row per point
    let csv = temporary.appendingPathComponent("table.csv")
    _ = try statusDocument(folder, ["--csv", csv.path, "--at", "0.01"], environment: environment)
    let csvLines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(csvLines.count, 5)
    XCTAssertTrue(csvLines[0].hasPrefix("index,folder,physics.electrode_potential,state"), String(csvLines[0]))
    // index,folder,potential,state,step,final_time_s,final_tip_height_um,final_li_area_fraction,…
    let row2 = csvLines[3].split(separator: ",", omittingEmptySubsequences: false)
    XCTAssertEqual(row2[1], "p002")
    XCTAssertEqual(row2[6], last[4])
    XCTAssertEqual(row2[7], last[3])
    // sweep.json records the states it merged
    let index = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("sweep.json"))) as? [String: Any])
    XCTAssertEqual((index["points"] as? [[String: Any]])?.compactMap { $0["state"] as? String }, ["finished", "finished", "finished", "finished"])
    // nothing left to resume
    let resume = try CLIRunner.run(["sim", "sweep", "resume", folder.path], environment: environment)
    XCTAssertEqual(resume.status, 0, resume.stderr)
    XCTAssertTrue(resume.stdout.contains("every point finished"), resume.stdout)
  }

  func testAStoppedPointIsResumedFromItsCheckpoint() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let folder = temporary.appendingPathComponent("sweep")
    let sweep = temporary.appendingPathComponent("s.toml")
    try "base = \"\(CLIRunner.repositoryRoot.path)/Examples/sim/model1.toml\"\n[vary]\n\"physics.electrode_potential\" = [-0.2]\n"
      .write(to: sweep, atomically: true, encoding: .utf8)
    let start = try CLIRunner.run(["sim", "sweep", sweep.path, "--out", folder.path, "--wait", "--processes", "1",
                                   "--grid", "32", "--until", "0.02"])
    XCTAssertEqual(start.status, 0, start.stderr)
    // Make it unfinished the way a killed machine would: status says running, no process.
    let statusURL = folder.appendingPathComponent("p000/status.json")
    let finishedStatus = try String(contentsOf: statusURL, encoding: .utf8)
    try finishedStatus.replacingOccurrences(of: "\"finished\"", with: "\"running\"")
      .replacingOccurrences(of: #""pid" : \d+"#, with: "\"pid\" : 999999", options: .regularExpression)
      .write(to: statusURL, atomically: true, encoding: .utf8)
    let stale = try points(try statusDocument(folder))
    XCTAssertEqual(stale.first?["state"] as? String, "stale")
    let resume = try CLIRunner.run(["sim", "sweep", "resume", folder.path, "--wait"])
    XCTAssertEqual(resume.status, 0, resume.stderr + resume.stdout)
    XCTAssertEqual(try points(try statusDocument(folder)).first?["state"] as? String, "finished")
    let log = try String(contentsOf: folder.appendingPathComponent("p000/log.txt"), encoding: .utf8)
    // the pool continued the run from its checkpoint (a second process, not from step 0)
    let starts = log.split(separator: "\n").filter { $0.contains("running from step") }
    XCTAssertEqual(starts.count, 2, log)
    XCTAssertFalse(starts.last?.contains("running from step 0 ") ?? true, log)
  }

  func refused(_ sweepText: String, _ fragments: [String], extra: [String] = [], environment: [String: String] = [:],
               line: UInt = #line) throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let sweep = temporary.appendingPathComponent("s.toml")
    try sweepText.replacingOccurrences(of: "BASE", with: CLIRunner.repositoryRoot.path + "/Examples/sim/model1.toml")
      .write(to: sweep, atomically: true, encoding: .utf8)
    let folder = temporary.appendingPathComponent("out")
    let result = try CLIRunner.run(["sim", "sweep", sweep.path, "--out", folder.path] + small + extra, environment: environment)
    XCTAssertEqual(result.status, 2, result.stderr, line: line)
    for fragment in fragments {
      XCTAssertTrue(result.stderr.contains(fragment.replacingOccurrences(of: "SWEEP", with: sweep.path)), "\(fragment) not in \(result.stderr)", line: line)
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "a refused sweep left \(folder.path)", line: line)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0 != "s.toml" }
    XCTAssertEqual(leftovers, [], line: line)
  }

  func testBadInputIsRefusedBeforeAnythingIsCreated() throws {
    try refused("base = \"BASE\"\n[vary]\n\"physics.electrode_potental\" = [-0.1]\n", ["SWEEP:3: the base config", "has no key 'physics.electrode_potental'"])
    try refused("base = \"BASE\"\n[vary]\n\"physics.electrode_potential\" = { from = -0.1, to = -0.2, count = 0 }\n", ["SWEEP:3:", "empty range"])
    try refused("base = \"BASE\"\n[vary]\n\"physics.transfer_coefficient\" = [0.5, 1.5]\n",
                ["SWEEP:3: point 1 (physics.transfer_coefficient = 1.5) is not a valid configuration", "(0, 1)"])
    try refused("base = \"missing.toml\"\n[vary]\n\"physics.electrode_potential\" = [-0.1]\n", ["SWEEP:1: the base config 'missing.toml' cannot be read"])
    // no sbatch on PATH: said before anything is made
    try refused("base = \"BASE\"\n[vary]\n\"physics.electrode_potential\" = [-0.1]\n", ["sbatch is not on PATH", "nothing was created"],
                extra: ["--executor", "slurm"], environment: ["PATH": "/nonexistent"])
    try refused("base = \"BASE\"\n[vary]\n\"physics.electrode_potential\" = [-0.1]\n", ["--time"], extra: ["--executor", "slurm", "--time", "soon"])
  }

  func testAnExistingFolderIsNotOverwrittenAndDryRunCreatesNothing() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let folder = temporary.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "keep".write(to: folder.appendingPathComponent("mine.txt"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["sim", "sweep", sweepFile, "--out", folder.path] + small)
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("exists and is not empty"), result.stderr)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["mine.txt"])
    let other = temporary.appendingPathComponent("dry")
    let dry = try CLIRunner.run(["sim", "sweep", sweepFile, "--out", other.path, "--executor", "slurm", "--dry-run", "--partition", "batch"] + small)
    XCTAssertEqual(dry.status, 0, dry.stderr)
    XCTAssertTrue(dry.stdout.hasPrefix("#!/bin/bash\n"), dry.stdout)
    XCTAssertTrue(dry.stdout.contains("#SBATCH --array=0-3\n"), dry.stdout)
    XCTAssertTrue(dry.stdout.contains("#SBATCH --partition=batch\n"), dry.stdout)
    XCTAssertTrue(dry.stdout.contains("#SBATCH --time=01:00:00\n"), dry.stdout)  // from the sweep file's [slurm]
    XCTAssertFalse(FileManager.default.fileExists(atPath: other.path))
  }
}
