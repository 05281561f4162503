import Engine
import Formats
import Foundation
import TUI
import Workbench
import XCTest

@testable import glovebox

/// Snapshot previews: made from a checkpoint image (block means by hand), used by the pane's
/// snapshot job in place of the checkpoint, and a damaged one reported and passed over.
final class SnapshotPreviewReadingTests: XCTestCase {
  var workspace = ""

  override func setUpWithError() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-preview-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("runs/a/fields"), withIntermediateDirectories: true)
    workspace = dir.path
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: workspace)
  }

  func url(_ path: String) -> URL { URL(fileURLWithPath: workspace).appendingPathComponent(path) }

  /// 8 × 4 points, 1 µm apart: ξ = column index, c = 100 · row index, a restart-only field, t = 0.5 s.
  func image() -> VTKImageData {
    let nx = 8, ny = 4
    return VTKImageData(nx: nx, ny: ny, spacing: (1e-6, 1e-6), origin: (0, 0), pointFields: [
      ("xi", (0..<ny).flatMap { _ in (0..<nx).map(Double.init) }),
      ("concentration", (0..<ny).flatMap { j in [Double](repeating: Double(100 * j), count: nx) }),
      ("previous_potential", [Double](repeating: 7, count: nx * ny)),
    ], fieldData: [("time", 0.5), ("step", 10), ("next_dt", 1e-3)])
  }

  func snapshot(maxSide: Int) throws -> SimulationJobResult {
    let result = PaneJobRunner(workspace: workspace).perform(
      .simulation(.snapshot(run: "runs/a", snapshot: "step_000000010.vti", maxColumns: maxSide, maxRows: maxSide)),
      context: JobContext())
    guard case .simulation(_, let outcome) = result else { throw EffectFailure("another pane's result: \(result)") }
    return try outcome.get()
  }

  func testAPreviewHoldsBlockMeansOfTheViewableFields() throws {
    let preview = try XCTUnwrap(SnapshotPreview.make(from: image(), maxSide: 4))
    // One factor 2 for both axes: 4 × 2 points of 2 µm; block means by hand.
    XCTAssertEqual([preview.columns, preview.rows, preview.sourceColumns, preview.sourceRows], [4, 2, 8, 4])
    XCTAssertEqual(preview.spacingX, 2e-6)
    XCTAssertEqual(preview.time, 0.5)
    XCTAssertEqual(preview.fields.map(\.name), ["xi", "concentration"])
    XCTAssertEqual(preview.fields[0].values, [0.5, 2.5, 4.5, 6.5, 0.5, 2.5, 4.5, 6.5])
    XCTAssertEqual(preview.fields[1].values, [50, 50, 50, 50, 250, 250, 250, 250])
    // No time in the image: no preview (the pane would show a frame with no time).
    var timeless = image()
    timeless.fieldData = []
    XCTAssertNil(SnapshotPreview.make(from: timeless))
  }

  func testTheJobUsesThePreviewAndItAgreesWithTheCheckpoint() throws {
    try Data(image().document()).write(to: url("runs/a/fields/step_000000010.vti"))
    guard case .snapshot(let full) = try snapshot(maxSide: 4) else { return XCTFail() }
    XCTAssertFalse(full.fromPreview)
    XCTAssertEqual(full.time, 0.5)
    let preview = try XCTUnwrap(SnapshotPreview.make(from: image(), maxSide: 4))
    try Data(preview.encoded()).write(to: url("runs/a/fields/step_000000010.preview"))
    guard case .snapshot(let quick) = try snapshot(maxSide: 4) else { return XCTFail() }
    XCTAssertTrue(quick.fromPreview)
    XCTAssertNil(quick.previewProblem)
    XCTAssertEqual(quick.fields.map(\.field.name), full.fields.map(\.field.name))
    XCTAssertEqual([quick.columns, quick.rows, quick.sourceColumns, quick.sourceRows], [full.columns, full.rows, 8, 4])
    XCTAssertEqual(quick.spacingX, full.spacingX)
    XCTAssertEqual(quick.time, full.time)
    for (a, b) in zip(quick.fields, full.fields) { XCTAssertEqual(a.values, b.values, a.field.name) }
    // A view wanting another grid (2 × 1 here) is served by the checkpoint.
    guard case .snapshot(let coarse) = try snapshot(maxSide: 2) else { return XCTFail() }
    XCTAssertFalse(coarse.fromPreview)
    XCTAssertEqual(coarse.columns, 2)
  }

  func testADamagedPreviewIsReportedWithFileAndByteAndTheCheckpointShown() throws {
    try Data(image().document()).write(to: url("runs/a/fields/step_000000010.vti"))
    let bytes = try XCTUnwrap(SnapshotPreview.make(from: image(), maxSide: 4)).encoded()
    try Data(bytes.prefix(70)).write(to: url("runs/a/fields/step_000000010.preview"))
    guard case .snapshot(let frame) = try snapshot(maxSide: 4) else { return XCTFail() }
    XCTAssertFalse(frame.fromPreview)
    XCTAssertEqual(frame.values("xi"), [0.5, 2.5, 4.5, 6.5, 0.5, 2.5, 4.5, 6.5])
    let problem = try XCTUnwrap(frame.previewProblem)
    XCTAssertTrue(problem.hasPrefix("runs/a/fields/step_000000010.preview: byte 70: "), problem)
    XCTAssertTrue(problem.contains("truncated"), problem)
  }

  func testAFolderWatchReportsASnapshotOnceItIsRenamedIntoPlace() throws {
    let watch = PaneFolderWatch(workspace: workspace)
    watch.update(["runs/a/fields"])
    XCTAssertTrue(watch.isWatching)
    XCTAssertEqual(watch.changes(now: 0), [])
    // The writer's hidden temporary file is not reported; its rename into place is.
    try Data("x".utf8).write(to: url("runs/a/fields/.tmp-1-step_000000020.vti"))
    XCTAssertEqual(watch.changes(now: 1), [])
    XCTAssertEqual(rename(url("runs/a/fields/.tmp-1-step_000000020.vti").path, url("runs/a/fields/step_000000020.vti").path), 0)
    XCTAssertEqual(watch.changes(now: 2), ["runs/a/fields/step_000000020.vti"])
    watch.update([])
    XCTAssertFalse(watch.isWatching)
  }

  func testAMissingFolderIsPolledUntilItAppears() throws {
    let watch = PaneFolderWatch(workspace: workspace)
    watch.update(["runs/b/fields"])
    XCTAssertEqual(watch.changes(now: 0), [])
    try FileManager.default.createDirectory(at: url("runs/b/fields"), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: url("runs/b/fields/step_000000000.vti"))
    XCTAssertEqual(watch.changes(now: 1), ["runs/b/fields/step_000000000.vti"])
  }
}
