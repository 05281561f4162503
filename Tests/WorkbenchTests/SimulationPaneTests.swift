import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// The Simulation pane on hand-built run folders: status.json texts written here, the project's
/// model-1 config, and the summaries `RunSummary` makes of them (as the runtime's job does).
final class SimulationPaneTests: XCTestCase {
  static let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Examples/sim/model1.toml").standardizedFileURL
  static let now = Date(timeIntervalSince1970: 1_000_000)

  /// A run as the list job gives it: status.json with the given fields, written `age` seconds ago.
  static func run(_ name: String, state: String, step: Int = 250, time: Double = 0.5, pid: Int32 = 4242,
                  processIsRun: Bool? = true, age: Double = 5, snapshots: [String] = ["step_000000000.vti", "step_000000100.vti", "step_000000200.vti"],
                  extra: String = "") throws -> SimulationRun {
    let status = """
      {"state": "\(state)", "step": \(step), "time": \(time), "wall_seconds": 10, "eta_seconds": 600,
       "pid": \(pid), "target_steps": 1000, "start_step": 50\(extra)}
      """
    let listing = RunFolderListing(
      name: name, status: Data(status.utf8), config: try String(contentsOf: config, encoding: .utf8),
      snapshotNames: snapshots, logTail: "step 240 dt 1e-3\nstep 250 dt 1e-3\n",
      modificationTimes: ["status.json": now.addingTimeInterval(-age)], now: now, processIsRun: processIsRun)
    return SimulationRun(summary: RunSummary(listing: listing), wallSeconds: 10, logLines: ["step 240 dt 1e-3", "step 250 dt 1e-3"],
                         snapshots: snapshots)
  }

  /// A folder whose status.json is missing.
  static func broken(_ name: String) -> SimulationRun {
    let listing = RunFolderListing(name: name, status: nil, config: nil, snapshotNames: [], logTail: nil,
                                   modificationTimes: [:], now: now, processIsRun: nil)
    return SimulationRun(summary: RunSummary(listing: listing), wallSeconds: nil, logLines: [], snapshots: [])
  }

  static let paths = ["runs/broken", "runs/done", "runs/live", "runs/stale"]

  func listedPane() throws -> SimulationPane {
    var pane = SimulationPane(workspace: "/tmp/ws")
    XCTAssertEqual(pane.handle(.focused), [.requestFiles(.runFolder), .requestFiles(.simulationConfig), .requestFiles(.sweep), .render])
    let files = Self.paths.map { IndexedFile(path: $0, size: 0, modified: 0) }
    XCTAssertEqual(pane.handle(.workspaceFiles(kind: .runFolder, files: files, complete: true)),
                   [.render, .startJob(.simulation(.list(paths: Self.paths)))])
    XCTAssertTrue(render(pane).contains { $0.contains("reading 4 run folders…") })
    let listed = [
      Self.broken("runs/broken"),
      try Self.run("runs/done", state: "finished", step: 1000, age: 3600),
      try Self.run("runs/live", state: "running", age: 5),
      try Self.run("runs/stale", state: "running", processIsRun: false, age: 120),
    ]
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(.list(paths: Self.paths), .success(.listed(listed))))), [.render])
    return pane
  }

  func render(_ pane: SimulationPane, width: Int = 120, height: Int = 40) -> [String] {
    var buffer = Buffer(width: width, height: height)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    return buffer.lines
  }

  func testTheListSaysIndexingUntilTheIndexIsComplete() {
    var pane = SimulationPane(workspace: "/tmp/ws")
    _ = pane.handle(.focused)
    XCTAssertTrue(pane.wantsTicks)
    XCTAssertEqual(pane.handle(.workspaceFiles(kind: .runFolder, files: [], complete: false)), [.render])
    XCTAssertTrue(render(pane).contains { $0.contains("indexing…") })
    _ = pane.handle(.workspaceFiles(kind: .runFolder, files: [], complete: true))
    XCTAssertTrue(render(pane).contains { $0.contains("no run folders in the workspace") })
  }

  func testRunsAreListedNewestActivityFirstWithStateProgressSpeedAndAge() throws {
    let pane = try listedPane()
    // Newest write first: live (5 s), stale (120 s), done (1 h); the broken folder (no times) last.
    XCTAssertEqual(pane.runs.map(\.path), ["runs/live", "runs/stale", "runs/done", "runs/broken"])
    let lines = render(pane)
    let text = lines.joined(separator: "\n")
    let live = try XCTUnwrap(lines.first { $0.contains("runs/live") }, text)
    // 250 of 1000 steps (time 0.5 of model1's until = 5 s is 10 %, the nearer target wins);
    // (250 − 50) steps in 10 s = 20 steps/s; ETA 600 s less the 5 s since status.json was written.
    for cell in ["model1", "running", "25.0%", "0.5", "20", "9m55s", "5s ago"] {
      XCTAssertTrue(live.contains(cell), "\(cell) in \(live)")
    }
    let stale = try XCTUnwrap(lines.first { $0.contains("runs/stale") })
    XCTAssertTrue(stale.contains("stale") && stale.contains("2m00s ago") && stale.contains("process 4242 is not"), stale)
    let done = try XCTUnwrap(lines.first { $0.contains("runs/done") })
    XCTAssertTrue(done.contains("finished") && done.contains("100.0%") && done.contains("1h00m ago"), done)
    let broken = try XCTUnwrap(lines.first { $0.contains("runs/broken") })
    XCTAssertTrue(broken.contains("unknown") && broken.contains("status.json: expected"), broken)
    // Selected, its detail box gives every error in full.
    var selected = pane
    for _ in 0..<3 { _ = selected.perform(.nextRun) }
    let detail = render(selected).joined(separator: "\n")
    XCTAssertTrue(detail.contains("status.json: expected a run status file"), detail)
    XCTAssertTrue(detail.contains("config.toml: expected the run's configuration file"), detail)
  }

  func testTicksRelistEveryTwoSecondsAndAChangedFolderRelistsAtOnce() throws {
    var pane = try listedPane()
    let list = Effect.startJob(.simulation(.list(paths: Self.paths)))
    XCTAssertEqual(pane.handle(.tick(100)), [list])
    XCTAssertEqual(pane.handle(.tick(101)), [], "a listing is out")
    _ = pane.handle(.jobFinished(.simulation(.list(paths: Self.paths), .success(.listed(pane.runs)))))
    XCTAssertEqual(pane.handle(.tick(101.9)), [], "under 2 s since the last listing started")
    XCTAssertEqual(pane.handle(.tick(102.1)), [list])
    _ = pane.handle(.jobFinished(.simulation(.list(paths: Self.paths), .success(.listed(pane.runs)))))
    XCTAssertEqual(pane.handle(.fileChanged(path: "runs/live/status.json")), [list])
    _ = pane.handle(.jobFinished(.simulation(.list(paths: Self.paths), .success(.listed(pane.runs)))))
    XCTAssertEqual(pane.handle(.fileChanged(path: "elsewhere/notes.txt")), [])
  }

  func testEnterAttachesAndAsksForMetricsAndTheNewestSnapshot() throws {
    var pane = try listedPane()
    XCTAssertEqual(pane.perform(.attach), [
      .render, .startJob(.simulation(.metrics(run: "runs/live", reader: RunMetricsReader()))),
      .startJob(.simulation(.snapshot(run: "runs/live", snapshot: "step_000000200.vti", maxColumns: 256, maxRows: 256))),
    ])
    let lines = render(pane)
    let text = lines.joined(separator: "\n")
    XCTAssertTrue(text.contains("decoding snapshot step_000000200.vti…"), text)
    XCTAssertTrue(text.contains("reading metrics.csv…"), text)
    // The status strip: step, progress, wall 10 s, speed, ETA and the log's last lines.
    let strip = try XCTUnwrap(lines.first { $0.contains("step 250") }, text)
    for cell in ["(25.0%)", "t 0.5 s", "wall 10s", "20 steps/s", "ETA 9m55s"] { XCTAssertTrue(strip.contains(cell), "\(cell) in \(strip)") }
    XCTAssertTrue(text.contains("step 240 dt 1e-3") && text.contains("step 250 dt 1e-3"))
    XCTAssertEqual(pane.perform(.detach), [.render])
    XCTAssertNil(pane.attached)
  }

  /// A metrics.csv read by the engine's reader, as the runtime's job hands it back.
  func metricsUpdate() -> (RunMetricsReader, RunMetricsReader.Update) {
    var reader = RunMetricsReader()
    let csv = "step,time_s,dt_s,tip_height_um\n0,0,0.001,1.0\n100,0.1,0.002,1.25\n200,0.2,0.004,1.5\n"
    let update = reader.read(appended: Data(csv.utf8))
    return (reader, update)
  }

  func testMetricsPlotTheTipHeightAndTheKeyCyclesTheColumn() throws {
    var pane = try listedPane()
    let attachEffects = pane.perform(.attach)
    XCTAssertEqual(attachEffects.count, 3)
    let (reader, update) = metricsUpdate()
    XCTAssertEqual(update.rows.count, 3)
    let job = SimulationJob.metrics(run: "runs/live", reader: RunMetricsReader())
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(job, .success(.metrics(reader: reader, update: update, restarted: false))))), [.render])
    var text = render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("tip_height_um = 1.5"), text)
    XCTAssertTrue(text.contains("Δt 0.004 s"), text)
    XCTAssertTrue(text.contains("⠀") || text.contains { ("\u{2801}"..."\u{28FF}").contains($0) }, "a braille curve")
    // Columns other than step and time, in file order: dt_s, then tip_height_um again.
    XCTAssertEqual(pane.perform(.nextMetric), [.render])
    XCTAssertEqual(pane.metric, "dt_s")
    text = render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("dt_s = 0.004"), text)
    _ = pane.perform(.nextMetric)
    XCTAssertEqual(pane.metric, "tip_height_um")
    // The next metrics job continues from the reader's offset (the bytes of four lines).
    _ = pane.handle(.jobFinished(.simulation(.list(paths: Self.paths), .success(.listed(pane.runs)))))
    XCTAssertEqual(pane.handle(.tick(10)).first, .startJob(.simulation(.list(paths: Self.paths))))
    XCTAssertEqual(reader.offset, "step,time_s,dt_s,tip_height_um\n0,0,0.001,1.0\n100,0.1,0.002,1.25\n200,0.2,0.004,1.5\n".utf8.count)
  }

  /// A 4 × 2 snapshot: ξ = 1 in the bottom row (lithium), 0 above; c rising along x.
  static func frame(_ snapshot: String = "step_000000200.vti") -> SnapshotFrame {
    SnapshotFrame(run: "runs/live", snapshot: snapshot, sourceColumns: 4, sourceRows: 2, columns: 4, rows: 2,
                  spacingX: 1e-6, spacingY: 1e-6, originX: 0, originY: 0, fields: [
                    SnapshotFrameField(field: SnapshotField.named("xi"), values: [1, 1, 1, 1, 0, 0, 0, 0]),
                    SnapshotFrameField(field: SnapshotField.named("concentration"), values: [900, 1000, 1100, 1200, 900, 1000, 1100, 1200]),
                  ])
  }

  func testASnapshotIsDrawnAndTheFieldKeyCyclesItsFields() throws {
    var pane = try listedPane()
    _ = pane.perform(.attach)
    let job = SimulationJob.snapshot(run: "runs/live", snapshot: "step_000000200.vti", maxColumns: 256, maxRows: 256)
    // The metrics job is still out: nothing else to ask for.
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(job, .success(.snapshot(Self.frame()))))), [.render])
    var text = render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("ξ · step 200 · 4×2 · newest"), text)
    XCTAssertTrue(text.contains("▀"), "a half-block heat map")
    XCTAssertEqual(pane.perform(.nextField), [.render])
    XCTAssertEqual(pane.fieldName, "concentration")
    text = render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("c · step 200 · 4×2"), text)
    XCTAssertTrue(text.contains("mol/m³"), text)
    _ = pane.perform(.nextField)
    XCTAssertEqual(pane.fieldName, "xi")
    // Zoom doubles, pan stays inside the grid, 0 resets.
    XCTAssertEqual(pane.perform(.zoomIn), [])
    XCTAssertEqual(pane.viewport?.zoom, 1, "a 4 × 2 grid is already at its largest useful zoom (2 points)")
  }

  func testZoomAndPanMoveTheViewportOfALargerGrid() throws {
    var pane = try listedPane()
    _ = pane.perform(.attach)
    var big = Self.frame()
    big.columns = 64
    big.rows = 64
    big.fields = big.fields.map { SnapshotFrameField(field: $0.field, values: [Double](repeating: 0.5, count: 64 * 64)) }
    _ = pane.handle(.jobFinished(.simulation(.snapshot(run: "runs/live", snapshot: "step_000000200.vti", maxColumns: 256, maxRows: 256),
                                             .success(.snapshot(big)))))
    XCTAssertEqual(pane.perform(.zoomIn), [.render])
    XCTAssertEqual(pane.viewport?.region, GridRegion(x: 16, y: 16, width: 32, height: 32))
    XCTAssertEqual(pane.perform(.panRight), [.render])
    XCTAssertEqual(pane.viewport?.region, GridRegion(x: 24, y: 16, width: 32, height: 32))
    XCTAssertEqual(pane.perform(.panUp), [.render])
    XCTAssertEqual(pane.viewport?.region, GridRegion(x: 24, y: 24, width: 32, height: 32))
    XCTAssertEqual(pane.perform(.resetZoom), [.render])
    XCTAssertEqual(pane.viewport?.region, GridRegion(x: 0, y: 0, width: 64, height: 64))
    XCTAssertEqual(pane.perform(.zoomOut), [], "already the whole field")
  }

  func testBracketsStepThroughSnapshotsAndTheNewestIsFollowedAgain() throws {
    var pane = try listedPane()
    _ = pane.perform(.attach)
    let newest = SimulationJob.snapshot(run: "runs/live", snapshot: "step_000000200.vti", maxColumns: 256, maxRows: 256)
    _ = pane.handle(.jobFinished(.simulation(newest, .success(.snapshot(Self.frame())))))
    XCTAssertEqual(pane.perform(.nextSnapshot), [], "already the newest")
    XCTAssertEqual(pane.perform(.previousSnapshot), [
      .render, .startJob(.simulation(.snapshot(run: "runs/live", snapshot: "step_000000100.vti", maxColumns: 256, maxRows: 256))),
    ])
    XCTAssertEqual(pane.chosenSnapshot, "step_000000100.vti")
    // The old frame stays on screen, titled as decoding the chosen one.
    let titled = render(pane).joined(separator: "\n")
    XCTAssertTrue(titled.contains("ξ · step 200 · 4×2 · decoding step 100…"), titled)
    _ = pane.handle(.jobFinished(.simulation(.snapshot(run: "runs/live", snapshot: "step_000000100.vti", maxColumns: 256, maxRows: 256),
                                             .success(.snapshot(Self.frame("step_000000100.vti"))))))
    // Forward again: back at the newest, which is decoded again and then followed.
    XCTAssertEqual(pane.perform(.nextSnapshot), [.render, .startJob(.simulation(newest))])
    XCTAssertNil(pane.chosenSnapshot)
  }

  func testAFailedDecodeIsShownAndNotRetriedEveryListing() throws {
    var pane = try listedPane()
    _ = pane.perform(.attach)
    let job = SimulationJob.snapshot(run: "runs/live", snapshot: "step_000000200.vti", maxColumns: 256, maxRows: 256)
    let message = "runs/live/fields/step_000000200.vti:3: expected <ImageData WholeExtent=… Spacing=…>"
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(job, .failure(EffectFailure(message))))), [.render])
    XCTAssertTrue(render(pane).joined(separator: "\n").contains("expected <ImageData"))
    _ = pane.handle(.jobFinished(.simulation(.metrics(run: "runs/live", reader: RunMetricsReader()),
                                             .success(.metrics(reader: RunMetricsReader(), update: metricsUpdate().1, restarted: false)))))
    // The next listing asks for metrics again but not for the snapshot that failed.
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(.list(paths: Self.paths), .success(.listed(pane.runs))))),
                   [.render, .startJob(.simulation(.metrics(run: "runs/live", reader: RunMetricsReader())))])
  }

  func testPauseWritesTheControlFileAndResumeUnpauses() throws {
    var pane = try listedPane()
    XCTAssertEqual(pane.perform(.togglePause), [.writeFiles([FileWrite(path: "runs/live/control", contents: Data("pause\n".utf8))], pane: "simulation")])
    let paused = try Self.run("runs/live", state: "paused", age: 1)
    _ = pane.handle(.jobFinished(.simulation(.list(paths: Self.paths), .success(.listed([paused])))))
    XCTAssertEqual(pane.perform(.togglePause), [.writeFiles([FileWrite(path: "runs/live/control", contents: Data("resume\n".utf8))], pane: "simulation")])
    // A finished run neither pauses nor resumes.
    _ = pane.handle(.jobFinished(.simulation(.list(paths: Self.paths), .success(.listed([try Self.run("runs/done", state: "finished")])))))
    XCTAssertEqual(pane.perform(.togglePause), [.status(.error("runs/done is finished: only a running run pauses, a paused one resumes"))])
    // A written control file lists again at once, so the state follows.
    XCTAssertEqual(pane.handle(.filesWritten(.success(["runs/live/control"]))),
                   [.status(StatusMessage("wrote runs/live/control")), .startJob(.simulation(.list(paths: Self.paths)))])
  }

  func testStopAsksFirstAndWritesStopOnlyOnYes() throws {
    var pane = try listedPane()
    XCTAssertEqual(pane.perform(.stop), [.render])
    XCTAssertEqual(pane.modal, .confirmStop(run: "runs/live"))
    XCTAssertTrue(pane.capturesInput)
    XCTAssertTrue(render(pane).joined().contains("Stop runs/live? It writes a final snapshot and exits. y / n"))
    XCTAssertEqual(pane.handle(.key(.character("x"))), [])
    XCTAssertEqual(pane.handle(.key(.character("n"))), [.render])
    XCTAssertEqual(pane.modal, .none)
    _ = pane.perform(.stop)
    XCTAssertEqual(pane.handle(.key(.character("y"))),
                   [.writeFiles([FileWrite(path: "runs/live/control", contents: Data("stop\n".utf8))], pane: "simulation"), .render])
    _ = pane.perform(.nextRun)
    _ = pane.perform(.nextRun)
    XCTAssertEqual(pane.current?.path, "runs/done")
    XCTAssertEqual(pane.perform(.stop), [.status(.error("runs/done is finished: nothing to stop"))])
  }

  func testResumeRestartsAStaleRunThroughSimResumeDetached() throws {
    var pane = try listedPane()
    XCTAssertEqual(pane.perform(.resume),
                   [.status(.error("runs/live is running: only a stopped or stale run restarts (p resumes a paused one)"))])
    XCTAssertEqual(pane.perform(.nextRun), [.render])
    XCTAssertEqual(pane.current?.summary.state, .stale)
    XCTAssertEqual(pane.perform(.resume), [.runProcess(executable: "", arguments: ["sim", "resume", "runs/stale", "--detach"], pane: "simulation")])
    XCTAssertEqual(pane.handle(.processFinished(.success(ProcessOutput(status: 0, standardOutput: "started pid 77\n", standardError: "")))),
                   [.status(StatusMessage("started pid 77")), .startJob(.simulation(.list(paths: Self.paths)))])
    XCTAssertEqual(pane.handle(.processFinished(.success(ProcessOutput(status: 1, standardOutput: "", standardError: "Error: runs/stale is running\n")))),
                   [.status(.error("sim: Error: runs/stale is running"))])
  }

  func testNewRunPicksAConfigAndStartsItDetachedInAFreshFolder() throws {
    var pane = try listedPane()
    XCTAssertEqual(pane.perform(.newRun), [.status(.error("no simulation configs in the workspace (a TOML with [physics] under sim/)"))])
    let configs = ["sim/model1.toml", "runs/live/config.toml", "sim/model2.toml"].map { IndexedFile(path: $0, size: 1, modified: 0) }
    XCTAssertEqual(pane.handle(.workspaceFiles(kind: .simulationConfig, files: configs, complete: true)), [.render])
    XCTAssertEqual(pane.configs, ["sim/model1.toml", "sim/model2.toml"], "a run folder's own config is not offered")
    XCTAssertEqual(pane.perform(.newRun), [.render])
    XCTAssertTrue(pane.capturesInput)
    XCTAssertTrue(render(pane).contains { $0.contains("sim/model2.toml → runs/model2-1") })
    XCTAssertEqual(pane.handle(.key(.down)), [.render])
    // Enter opens the overrides form (SimulationPaneNewRunFormTests); left empty, Enter starts it.
    XCTAssertEqual(pane.handle(.key(.enter)), [.render])
    XCTAssertEqual(pane.handle(.key(.enter)), [
      .runProcess(executable: "", arguments: ["sim", "run", "sim/model2.toml", "--out", "runs/model2-1", "--detach"], pane: "simulation"),
      .render,
    ])
    XCTAssertEqual(pane.modal, .none)
    // Once runs/model2-1 is listed, the next run of that config goes to runs/model2-2.
    _ = pane.handle(.workspaceFiles(kind: .runFolder, files: (Self.paths + ["runs/model2-1"]).map { IndexedFile(path: $0, size: 0, modified: 0) },
                                    complete: true))
    XCTAssertEqual(pane.newRunFolder(for: "sim/model2.toml"), "runs/model2-2")
    _ = pane.perform(.newRun)
    XCTAssertEqual(pane.handle(.key(.escape)), [.render])
    XCTAssertEqual(pane.modal, .none)
  }

  func testMarkedRunsAreComparedOnTheAttachedRunsMetricPlot() throws {
    var pane = try listedPane()
    _ = pane.perform(.nextRun)
    XCTAssertEqual(pane.perform(.mark), [.render], "not attached: nothing to read yet")
    XCTAssertEqual(pane.marked, ["runs/stale"])
    XCTAssertTrue(render(pane).contains { $0.contains("+ runs/stale") })
    _ = pane.perform(.previousRun)
    // Attaching reads the marked run's metrics beside the attached run's.
    XCTAssertEqual(pane.perform(.attach), [
      .render, .startJob(.simulation(.metrics(run: "runs/live", reader: RunMetricsReader()))),
      .startJob(.simulation(.metrics(run: "runs/stale", reader: RunMetricsReader()))),
      // The marked run's snapshot waits for the attached one's time (compare at equal time).
      .startJob(.simulation(.snapshot(run: "runs/live", snapshot: "step_000000200.vti", maxColumns: 256, maxRows: 256))),
    ])
    let (reader, update) = metricsUpdate()
    for run in ["runs/live", "runs/stale"] {
      XCTAssertEqual(pane.handle(.jobFinished(.simulation(.metrics(run: run, reader: RunMetricsReader()),
                                                          .success(.metrics(reader: reader, update: update, restarted: false))))), [.render])
    }
    XCTAssertEqual(pane.compared["runs/stale"]?.points("tip_height_um").map(\.1), [1.0, 1.25, 1.5])
    let text = render(pane).joined(separator: "\n")
    XCTAssertTrue(text.contains("runs/live") && text.contains("runs/stale"), "a legend names both runs: \(text)")
    // Unmarking drops the comparison.
    XCTAssertEqual(pane.perform(.nextRun), [.render, .startJob(.simulation(.metrics(run: "runs/stale", reader: RunMetricsReader()))),
                                            .startJob(.simulation(.snapshot(run: "runs/stale", snapshot: "step_000000200.vti",
                                                                            maxColumns: 256, maxRows: 256)))])
    _ = pane.perform(.mark)
    XCTAssertEqual(pane.marked, [])
    XCTAssertNil(pane.compared["runs/stale"])
  }

  func testEveryActionHasABindingAndNoKeyIsBoundTwice() {
    let pane = SimulationPane(workspace: "/tmp/ws")
    let keys = pane.bindings.flatMap(\.keys)
    XCTAssertEqual(keys.count, Set(keys).count)
    XCTAssertEqual(pane.bindings.count, SimulationPaneAction.allCases.count)
    XCTAssertEqual(PaneRegistry.makePanes(workspace: "/tmp/ws").last?.id, "simulation")
  }
}
