import Foundation
import XCTest

/// Threads × processes of a local sweep: the pool gives each point the chosen threads (the
/// point's log says how many it ran with), sweep.json and `sweep status` record them, and a bad
/// count is refused naming the flag or the sweep file's line.
final class CLISimSweepThreadsTests: XCTestCase {
  let small = ["--grid", "32", "--until", "0.02", "--output-interval", "0.01"]

  func sweepFile(_ temporary: URL, local: String = "", name: String = "s.toml") throws -> URL {
    let sweep = temporary.appendingPathComponent(name)
    try ("base = \"\(CLIRunner.repositoryRoot.path)/Examples/sim/model1.toml\"\n\(local)\n[vary]\n"
      + "\"physics.electrode_potential\" = [-0.1, -0.2]\n").write(to: sweep, atomically: true, encoding: .utf8)
    return sweep
  }

  /// The "running from step …" lines of every point's log.
  func startLines(_ folder: URL) throws -> [String] {
    try ["p000", "p001"].flatMap { point in
      try String(contentsOf: folder.appendingPathComponent("\(point)/log.txt"), encoding: .utf8)
        .split(separator: "\n").filter { $0.contains("running from step") }.map(String.init)
    }
  }

  func testThePoolRunsEachPointWithTheChosenThreads() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let environment = ["GLOVEBOX_FFTW_WISDOM": temporary.appendingPathComponent("wisdom").path]
    let sweep = try sweepFile(temporary)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    // chosen: 3 threads × 2 processes, more than this machine's cores when it has fewer than 6
    let chosen = temporary.appendingPathComponent("chosen")
    let run = try CLIRunner.run(["sim", "sweep", sweep.path, "--out", chosen.path, "--wait", "--processes", "2", "--threads", "3"] + small,
                                environment: environment)
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertEqual(run.stderr.contains("warning: 2 processes × 3 threads = 6 solver threads on \(cores) core"), cores < 6, run.stderr)
    let lines = try startLines(chosen)
    XCTAssertEqual(lines.count, 2, "\(lines)")
    XCTAssertTrue(lines.allSatisfy { $0.hasSuffix(", 3 solver threads") }, "\(lines)")
    let index = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: chosen.appendingPathComponent("sweep.json"))) as? [String: Any])
    XCTAssertEqual(index["threads"] as? Int, 3)
    let submission = try XCTUnwrap((index["submissions"] as? [[String: Any]])?.last)
    XCTAssertEqual(submission["threads"] as? Int, 3)
    XCTAssertEqual(submission["processes"] as? Int, 2)
    let status = try CLIRunner.run(["sim", "sweep", "status", chosen.path], environment: environment)
    XCTAssertEqual(status.status, 0, status.stderr)
    XCTAssertTrue(status.stdout.contains("\nthreads per point: 3 × 2 processes (as chosen)\n"), status.stdout)
    let json = try CLIRunner.run(["sim", "sweep", "status", chosen.path, "--json"], environment: environment)
    let document = try json.json()
    XCTAssertEqual(document["threads_per_point"] as? Int, 3)
    XCTAssertEqual(document["threads_chosen"] as? Bool, true)

    // the default: one process gets every core (cores ÷ 1)
    let plain = temporary.appendingPathComponent("default")
    let second = try CLIRunner.run(["sim", "sweep", sweep.path, "--out", plain.path, "--wait", "--processes", "1"] + small,
                                   environment: environment)
    XCTAssertEqual(second.status, 0, second.stderr)
    XCTAssertFalse(second.stderr.contains("warning"), second.stderr)
    let suffix = ", \(cores) solver thread\(cores == 1 ? "" : "s")"
    let plainLines = try startLines(plain)
    XCTAssertTrue(plainLines.allSatisfy { $0.hasSuffix(suffix) }, "\(plainLines)")
    let plainStatus = try CLIRunner.run(["sim", "sweep", "status", plain.path], environment: environment)
    XCTAssertTrue(plainStatus.stdout.contains("\nthreads per point: \(cores) × 1 process (cores ÷ processes)\n"), plainStatus.stdout)

    // the sweep file's [local] threads, and resume's --threads for a point run again
    let fromFile = temporary.appendingPathComponent("file")
    let third = try CLIRunner.run(["sim", "sweep", try sweepFile(temporary, local: "[local]\nthreads = 1\nprocesses = 1", name: "local.toml").path,
                                   "--out", fromFile.path, "--wait"] + small, environment: environment)
    XCTAssertEqual(third.status, 0, third.stderr)
    let fileLines = try startLines(fromFile)
    XCTAssertTrue(fileLines.allSatisfy { $0.hasSuffix(", 1 solver thread") }, "\(fileLines)")
    // p001 made unfinished the way a killed machine would: status says running, no process
    let statusURL = fromFile.appendingPathComponent("p001/status.json")
    try String(contentsOf: statusURL, encoding: .utf8).replacingOccurrences(of: "\"finished\"", with: "\"running\"")
      .replacingOccurrences(of: #""pid" : \d+"#, with: "\"pid\" : 999999", options: .regularExpression)
      .write(to: statusURL, atomically: true, encoding: .utf8)
    let resume = try CLIRunner.run(["sim", "sweep", "resume", fromFile.path, "--wait", "--threads", "2"], environment: environment)
    XCTAssertEqual(resume.status, 0, resume.stderr + resume.stdout)
    let resumedLines = try startLines(fromFile)
    XCTAssertEqual(resumedLines.count, 3, "\(resumedLines)")
    XCTAssertTrue(resumedLines.last?.hasSuffix(", 2 solver threads") == true, "\(resumedLines)")
  }

  func testBadThreadCountsAreRefusedNamingTheFlagOrTheLine() throws {
    let temporary = try CLIRunner.temporaryFolder(self)
    let sweep = try sweepFile(temporary)
    let folder = temporary.appendingPathComponent("out")
    for bad in ["0", "-1", "1000000000", "x", "1e9"] {
      let result = try CLIRunner.run(["sim", "sweep", sweep.path, "--out", folder.path, "--threads=\(bad)"] + small)
      XCTAssertNotEqual(result.status, 0, bad)
      XCTAssertTrue(result.stderr.contains("--threads"), "\(bad): \(result.stderr)")
      XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "--threads \(bad) left \(folder.path)")
    }
    for (bad, fragment) in [("threads = 0", "'local.threads' must be a whole number in 1…1024"),
                            ("threads = 1e9", "an integer"), ("threads = \"x\"", "an integer")] {
      let file = try sweepFile(temporary, local: "[local]\n\(bad)", name: "bad.toml")
      let result = try CLIRunner.run(["sim", "sweep", file.path, "--out", folder.path] + small)
      XCTAssertEqual(result.status, 2, bad)
      XCTAssertTrue(result.stderr.contains("\(file.path):3:") && result.stderr.contains(fragment), "\(bad): \(result.stderr)")
      XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }
    // resume and the pool check theirs before touching the folder
    let made = temporary.appendingPathComponent("made")
    let start = try CLIRunner.run(["sim", "sweep", sweep.path, "--out", made.path, "--wait", "--processes", "1", "--threads", "1"] + small)
    XCTAssertEqual(start.status, 0, start.stderr)
    for command in [["sim", "sweep", "resume", made.path, "--threads", "0"], ["sim", "sweep", "pool", made.path, "--processes", "1", "--threads=-1"]] {
      let result = try CLIRunner.run(command)
      XCTAssertEqual(result.status, 2, "\(command)")
      XCTAssertTrue(result.stderr.contains("--threads must be a whole number in 1…1024"), "\(command): \(result.stderr)")
    }
  }
}
