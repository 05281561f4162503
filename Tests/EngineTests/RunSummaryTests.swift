import Foundation
import XCTest
@testable import Engine
import Formats

final class RunSummaryTests: XCTestCase {
  let now = Date(timeIntervalSince1970: 1_000_000)
  // As `sim run` writes it: every table present (a run's config.toml is the effective configuration).
  let config = "name = \"model1\"\n[physics]\n[run]\noutput_interval = 0.5\nuntil = 5.0\n"

  func listing(_ status: RunStatus?, config: String? = nil, snapshots: [String] = [], log: String? = nil,
               statusAge: Double = 2, processIsRun: Bool? = true) throws -> RunFolderListing {
    RunFolderListing(
      name: "runs/m1", status: try status?.encoded(), config: config ?? self.config, snapshotNames: snapshots, logTail: log,
      modificationTimes: ["status.json": now.addingTimeInterval(-statusAge), "log.txt": now.addingTimeInterval(-10)],
      now: now, processIsRun: processIsRun)
  }

  func testRunningRunProgressRateAndETA() throws {
    // 1000 steps from step 200 in 40 s: 20 steps/s. t = 2 s of until = 5 s: 40 %; the target
    // step 10 000 is nearer 10 %: progress is the larger fraction, 0.4. ETA 60 s written 2 s ago: 58 s.
    let status = RunStatus(state: .running, step: 1200, time: 2.0, wallSeconds: 50, etaSeconds: 60, pid: 99,
                           targetSteps: 10_000, targetTime: 5.0, startStep: 200)
    let names = ["step_000000000.vti", "step_000000500.vti", ".dat.nosync1.abc", "step_000001000.vti"]
    let summary = RunSummary(listing: try listing(status, snapshots: names))
    XCTAssertEqual(summary.state, .running)
    XCTAssertEqual(summary.model, "model1")
    XCTAssertEqual(summary.progress ?? -1, 0.4, accuracy: 1e-12)
    XCTAssertEqual(summary.stepsPerSecond ?? -1, 20, accuracy: 1e-12)
    XCTAssertEqual(summary.etaSeconds ?? -1, 58, accuracy: 1e-9)
    XCTAssertEqual(summary.secondsSinceWrite ?? -1, 2, accuracy: 1e-9)
    XCTAssertEqual(summary.snapshotCount, 3)
    XCTAssertEqual(summary.latestSnapshot, "step_000001000.vti")
    XCTAssertEqual(summary.errors, [])
  }

  func testTargetsFallBackToTheConfig() throws {
    // An older status without targets: until = 5 s from config.toml, t = 1.25 s → 25 %.
    let status = RunStatus(state: .paused, step: 10, time: 1.25, wallSeconds: 1, pid: 99)
    let summary = RunSummary(listing: try listing(status))
    XCTAssertEqual(summary.state, .paused)
    XCTAssertEqual(summary.targetTime, 5.0)
    XCTAssertEqual(summary.progress ?? -1, 0.25, accuracy: 1e-12)
    XCTAssertNil(summary.stepsPerSecond, "no start step: the rate is unknown, not guessed")
    XCTAssertNil(summary.etaSeconds)
  }

  func testStaleWhenTheProcessIsNotTheRun() throws {
    let status = RunStatus(state: .running, step: 10, time: 0.5, wallSeconds: 1, etaSeconds: 5, pid: 4_000_000)
    let stale = RunSummary(listing: try listing(status, snapshots: ["step_000000010.vti"], processIsRun: false))
    XCTAssertEqual(stale.state, .stale)
    XCTAssertNil(stale.etaSeconds)
    XCTAssertTrue(stale.reason?.contains("step_000000010.vti") ?? false, stale.reason ?? "")
    // Not checked: the status's word stands.
    XCTAssertEqual(RunSummary(listing: try listing(status, processIsRun: nil)).state, .running)
    // A finished run is finished whatever its pid does.
    var finished = status
    finished.state = .finished
    XCTAssertEqual(RunSummary(listing: try listing(finished, processIsRun: false)).state, .finished)
  }

  func testFailedTakesTheReasonFromTheLog() throws {
    let status = RunStatus(state: .failed, step: 7, time: 0.1, wallSeconds: 1, pid: 5, message: "status text")
    let log = "…partial line\n2026-12-07T10:00:00Z step 5 t=0.1\n2026-12-07T10:00:01Z FAILED: xi is NaN at step 7; last good state kept in step_000000007.vti\n"
    let summary = RunSummary(listing: try listing(status, log: log))
    XCTAssertEqual(summary.state, .failed)
    XCTAssertEqual(summary.reason, "xi is NaN at step 7; last good state kept in step_000000007.vti")
    XCTAssertEqual(RunSummary(listing: try listing(status, log: "no failure here\n")).reason, "status text")
    var stopped = status
    stopped.state = .stopped
    stopped.message = "stopped by SIGINT"
    XCTAssertEqual(RunSummary(listing: try listing(stopped)).reason, "stopped by SIGINT")
  }

  func testTornStatusNamesFileAndLine() throws {
    let status = RunStatus(state: .running, step: 3, time: 0.5, wallSeconds: 1, pid: 42)
    let whole = try status.encoded()
    // Cut mid-document: the error is at the line where the text ends.
    let torn = whole.prefix(whole.count / 2)
    let tornLines = String(decoding: torn, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count
    var input = try listing(nil)
    input.status = Data(torn)
    let summary = RunSummary(listing: input)
    XCTAssertEqual(summary.state, .unknown)
    XCTAssertNil(summary.step)
    XCTAssertEqual(summary.errors.count, 1)
    XCTAssertEqual(summary.errors.first?.file, "status.json")
    XCTAssertEqual(summary.errors.first?.line, tornLines)
    XCTAssertEqual(summary.model, "model1", "the config still reads")
  }

  func testStatusValueErrorsNameTheirLine() {
    func error(_ text: String) -> InputError? {
      do { _ = try RunStatus.decode(Data(text.utf8), fileName: "s.json"); return nil } catch { return error as? InputError }
    }
    let good = "{\n\"state\": \"running\",\n\"step\": 3,\n\"time\": 0.5,\n\"wall_seconds\": 1,\n\"pid\": 42\n}\n"
    XCTAssertNil(error(good))
    XCTAssertEqual(error(good.replacingOccurrences(of: "\"running\"", with: "\"sleeping\""))?.line, 2)
    XCTAssertEqual(error(good.replacingOccurrences(of: "3,", with: "3.5,"))?.line, 3)
    XCTAssertEqual(error(good.replacingOccurrences(of: "42", with: "-1"))?.line, 6)
    XCTAssertEqual(error(good.replacingOccurrences(of: "\"time\": 0.5,\n", with: ""))?.line, 6, "missing member: the closing brace")
    XCTAssertEqual(error(good.replacingOccurrences(of: "0.5", with: "[0.5]")), InputError(
      "expected a string, number, true, false or null, found '['", file: "s.json", line: 4, column: 9))
    XCTAssertEqual(error(good + "x")?.line, 8)
    XCTAssertEqual(error("")?.line, 1)
    // Strings with escapes, unknown members skipped, null optionals.
    let rich = "{\"state\":\"stopped\",\"step\":1,\"time\":0,\"wall_seconds\":0,\"pid\":1,\"message\":\"a \\\"b\\\" \\u00b5\\ud83d\\ude00\",\"eta_seconds\":null,\"future\":true}"
    let decoded = try? RunStatus.decode(Data(rich.utf8))
    XCTAssertEqual(decoded?.message, "a \"b\" µ😀")
    XCTAssertNil(decoded?.etaSeconds)
  }

  func testConfigWithAnUnknownKeyIsAnErrorButKeepsTheName() throws {
    let status = RunStatus(state: .finished, step: 10, time: 5, wallSeconds: 1, pid: 1)
    let summary = RunSummary(listing: try listing(status, config: "name = \"m2\"\n[physics]\n[run]\nuntill = 5.0\n"))
    XCTAssertEqual(summary.state, .finished)
    XCTAssertEqual(summary.model, "m2")
    XCTAssertEqual(summary.errors.first?.file, "config.toml")
    XCTAssertEqual(summary.errors.first?.line, 4)
    XCTAssertNil(summary.progress, "no target known: no progress")
  }

  func testProcessCheck() {
    let cwd = "/home/u/work"
    XCTAssertTrue(RunProcessCheck.isRun(commandLine: ["/opt/bin/glovebox", "sim", "resume", "runs/m1"],
                                        workingDirectory: cwd, of: "/home/u/work/runs/m1"))
    XCTAssertTrue(RunProcessCheck.isRun(commandLine: ["glovebox", "sim", "run", "m.toml", "--grid", "32", "--out", "../work/runs/m1/"],
                                        workingDirectory: cwd, of: "/home/u/work/runs/m1"))
    XCTAssertFalse(RunProcessCheck.isRun(commandLine: ["glovebox", "sim", "resume", "runs/m2"], workingDirectory: cwd, of: "/home/u/work/runs/m1"))
    XCTAssertFalse(RunProcessCheck.isRun(commandLine: ["/usr/bin/vim", "sim", "resume", "runs/m1"], workingDirectory: cwd, of: "/home/u/work/runs/m1"))
    XCTAssertFalse(RunProcessCheck.isRun(commandLine: ["glovebox", "sim", "status", "runs/m1"], workingDirectory: cwd, of: "/home/u/work/runs/m1"))
    XCTAssertFalse(RunProcessCheck.isRun(commandLine: [], workingDirectory: cwd, of: "/home/u/work/runs/m1"))
  }
}

final class SnapshotFieldTests: XCTestCase {
  func testEveryFieldACheckpointWritesIsDescribed() throws {
    // A 32² model with mechanics after three steps writes every kind of field (warm starts too).
    var config = SimulationConfig()
    config.numerics.nx = 32
    config.numerics.ny = 32
    config.numerics.lengthX = 32 * 15e-9
    config.numerics.lengthY = 32 * 15e-9
    config.nucleus.layerThickness = 60e-9
    config.nucleus.radius = 120e-9
    config.mechanics.enabled = true
    config.mechanics.vegardCoefficient = 0.05
    let state = LiModel.initialState(physics: config.physics, numerics: config.numerics, nucleus: config.nucleus)
    let model = try LiModel(physics: config.physics, numerics: config.numerics, state: state, mechanics: config.mechanics)
    for _ in 0..<3 { try model.step() }
    let names = model.checkpoint().pointFields.map(\.name)
    let unknown = names.filter { name in !SnapshotField.known.contains { $0.name == name } }
    XCTAssertEqual(unknown, [], "fields without a description")
    let viewable = SnapshotField.viewable(among: names.reversed()).map(\.symbol)
    XCTAssertEqual(viewable, ["ξ", "c", "φ", "∂ξ/∂t", "εxx", "εyy", "εxy"])
    XCTAssertEqual(SnapshotField.named("concentration").unit, "mol/m³")
    XCTAssertEqual(SnapshotField.named("mystery").unit, "?")
  }
}
