import Engine
import Formats
import Foundation
import TUI
import Workbench
import XCTest

@testable import glovebox

/// The Simulation pane's jobs through the runtime's job runner, on run folders written here.
final class SimulationRunReadingTests: XCTestCase {
  var workspace = ""

  override func setUpWithError() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-simjobs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("runs/a/fields"), withIntermediateDirectories: true)
    workspace = dir.path
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: workspace)
  }

  func write(_ path: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: workspace).appendingPathComponent(path))
  }

  func perform(_ job: SimulationJob) throws -> SimulationJobResult {
    let result = PaneJobRunner(workspace: workspace).perform(.simulation(job), context: JobContext())
    guard case .simulation(let done, let outcome) = result else { throw EffectFailure("another pane's result: \(result)") }
    XCTAssertEqual(done, job)
    return try outcome.get()
  }

  func testMetricsAreReadIncrementallyAndAReplacedFileFromItsStart() throws {
    let header = "step,time_s,tip_height_um\n"
    try write("runs/a/metrics.csv", header + "0,0,1.0\n10,0.01,1.1\n20,0.0")
    guard case .metrics(let reader, let update, let restarted) = try perform(.metrics(run: "runs/a", reader: RunMetricsReader()))
    else { return XCTFail("not a metrics result") }
    // Two whole rows; the third is still being written.
    XCTAssertEqual(update.rows.map(\.values), [[0, 0, 1.0], [10, 0.01, 1.1]])
    XCTAssertFalse(restarted)
    XCTAssertEqual(reader.offset, (header + "0,0,1.0\n10,0.01,1.1\n").utf8.count)
    try write("runs/a/metrics.csv", header + "0,0,1.0\n10,0.01,1.1\n20,0.02,1.2\n")
    guard case .metrics(let next, let more, _) = try perform(.metrics(run: "runs/a", reader: reader)) else { return XCTFail() }
    XCTAssertEqual(more.rows.map(\.values), [[20, 0.02, 1.2]])
    XCTAssertEqual(more.rows.map(\.line), [4])
    // A new run in the same folder: the file is shorter than the offset.
    try write("runs/a/metrics.csv", header + "0,0,2.0\n")
    guard case .metrics(_, let fresh, let again) = try perform(.metrics(run: "runs/a", reader: next)) else { return XCTFail() }
    XCTAssertTrue(again)
    XCTAssertEqual(fresh.rows.map(\.values), [[0, 0, 2.0]])
  }

  func testAMalformedMetricsRowIsReportedWithFileAndLine() throws {
    try write("runs/a/metrics.csv", "step,time_s\n0,0\n1,abc\n")
    guard case .metrics(_, let update, _) = try perform(.metrics(run: "runs/a", reader: RunMetricsReader())) else { return XCTFail() }
    XCTAssertEqual(update.rows.count, 1)
    XCTAssertEqual(update.error?.line, 3)
    XCTAssertTrue("\(update.error.map { "\($0)" } ?? "")".contains("expected a number or an empty cell in column 'time_s', found 'abc'"))
  }

  func testASnapshotIsReducedByBlockAveragesKeepingItsExtent() throws {
    // 8 × 4 points, 1 µm apart: ξ = column index, c = 100 · row index; plus a restart-only field.
    let nx = 8, ny = 4
    let xi = (0..<ny).flatMap { _ in (0..<nx).map(Double.init) }
    let c = (0..<ny).flatMap { j in [Double](repeating: Double(100 * j), count: nx) }
    let image = VTKImageData(nx: nx, ny: ny, spacing: (1e-6, 1e-6), origin: (0, 0), pointFields: [
      ("xi", xi), ("concentration", c), ("previous_potential", [Double](repeating: 7, count: nx * ny)),
    ])
    try write("runs/a/fields/step_000000010.vti", image.xml())
    guard case .snapshot(let frame) = try perform(.snapshot(run: "runs/a", snapshot: "step_000000010.vti", maxColumns: 4, maxRows: 4))
    else { return XCTFail() }
    // One factor for both axes (8/4 = 2): 4 × 2 points of 2 µm, the domain still 8 × 4 µm.
    XCTAssertEqual([frame.columns, frame.rows, frame.sourceColumns, frame.sourceRows], [4, 2, 8, 4])
    XCTAssertEqual(frame.spacingX, 2e-6, accuracy: 1e-18)
    XCTAssertEqual(frame.spacingY, 2e-6, accuracy: 1e-18)
    XCTAssertEqual(frame.fields.map(\.field.name), ["xi", "concentration"], "restart-only fields are left out")
    // Block means: ξ of columns (0,1) = 0.5, (2,3) = 2.5, …; c of rows (0,1) = 50, (2,3) = 250.
    XCTAssertEqual(frame.values("xi"), [0.5, 2.5, 4.5, 6.5, 0.5, 2.5, 4.5, 6.5])
    XCTAssertEqual(frame.values("concentration"), [50, 50, 50, 50, 250, 250, 250, 250])
  }

  func testABrokenSnapshotFailsWithItsPath() throws {
    try write("runs/a/fields/step_000000020.vti", "<VTKFile type=\"PolyData\">\n")
    let result = PaneJobRunner(workspace: workspace).perform(
      .simulation(.snapshot(run: "runs/a", snapshot: "step_000000020.vti", maxColumns: 4, maxRows: 4)), context: JobContext())
    guard case .simulation(_, .failure(let failure)) = result else { return XCTFail("\(result)") }
    XCTAssertTrue(failure.message.contains("runs/a/fields/step_000000020.vti"), failure.message)
    XCTAssertTrue(failure.message.contains("expected a <VTKFile type=\"ImageData\"> element"), failure.message)
  }

  func testTheListGivesSummariesLogLinesAndSnapshotsInStepOrder() throws {
    // A running status whose pid is certainly not a glovebox run of this folder (pid 1): stale.
    try write("runs/a/status.json", #"{"state": "running", "step": 30, "time": 0.03, "wall_seconds": 3, "pid": 1, "start_step": 0}"#)
    try write("runs/a/config.toml", try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Examples/sim/model1.toml"), encoding: .utf8))
    try write("runs/a/log.txt", "one\ntwo\nthree\nfour\nfive\n")
    for step in [100, 20, 3] { try write("runs/a/fields/" + RunFolder.snapshotName(step: step), "") }
    try FileManager.default.createDirectory(atPath: workspace + "/runs/empty", withIntermediateDirectories: true)
    guard case .listed(let runs) = try perform(.list(paths: ["runs/a", "runs/empty"])) else { return XCTFail() }
    XCTAssertEqual(runs.map(\.path), ["runs/a", "runs/empty"])
    XCTAssertEqual(runs[0].summary.state, .stale)
    XCTAssertEqual(runs[0].summary.model, "model1")
    XCTAssertEqual(runs[0].summary.stepsPerSecond, 10)
    XCTAssertEqual(runs[0].wallSeconds, 3)
    XCTAssertEqual(runs[0].logLines, ["two", "three", "four", "five"])
    XCTAssertEqual(runs[0].snapshots, ["step_000000003.vti", "step_000000020.vti", "step_000000100.vti"])
    XCTAssertEqual(runs[1].summary.state, .unknown)
    XCTAssertTrue(runs[1].summary.errors.contains { "\($0)" == "status.json: expected a run status file" })
  }

  func testASweepsPointsKnowTheirSweepAndTheSweepIsReadWithoutWritingIt() throws {
    let spec = try SweepSpec.parse("base = \"b\"\n[vary]\n\"physics.electrode_potential\" = [-0.1, -0.2]\n", fileName: "s.toml")
    let points = try spec.points(base: try TOML.parse("name = \"m\"\n[physics]\n"), baseFileName: "b.toml")
    let index = SweepIndex(name: "s", sweepFile: "s.toml", base: "b.toml", executor: .local, keys: spec.keys, runOverrides: [],
                           slurm: nil, processes: 1, points: points)
    let folder = URL(fileURLWithPath: workspace).appendingPathComponent("sweeps/s")
    try SweepFolder.create(folder, index: index, points: points, sweepText: "")
    try write("sweeps/s/p000/status.json", #"{"state": "finished", "step": 20, "time": 0.5, "wall_seconds": 2, "pid": 1}"#)
    try write("sweeps/s/p000/metrics.csv", "step,time_s,li_area_fraction,tip_height_um\n0,0,0.1,1.0\n20,0.5,0.2,1.75\n")
    let before = try Data(contentsOf: folder.appendingPathComponent("sweep.json"))
    guard case .listed(let runs) = try perform(.list(paths: ["sweeps/s/p000", "runs/a"])) else { return XCTFail() }
    XCTAssertEqual(runs.map(\.sweepFolder), ["sweeps/s", nil])
    guard case .sweep(let sweep) = try perform(.sweep(path: "sweeps/s")) else { return XCTFail() }
    XCTAssertEqual(sweep.points.map(\.state), [.finished, .pending])
    XCTAssertEqual(sweep.points[0].observables.finalTipHeight, 1.75)
    XCTAssertEqual(sweep.points.map { $0.parameters.first?.number }, [-0.1, -0.2])
    // looking changed nothing (the states merged differ from the index's, yet it is not rewritten)
    XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("sweep.json")), before)
    // a torn index is an error of the job, naming the file
    try write("sweeps/s/sweep.json", String(decoding: before.prefix(40), as: UTF8.self))
    XCTAssertThrowsError(try perform(.sweep(path: "sweeps/s"))) { XCTAssertTrue("\($0)".contains("sweep.json: not a sweep index"), "\($0)") }
  }
}
