import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// The Cycling pane on the project's synthetic traces (Examples/cycling, written by
/// `glovebox cycle demo` after the study's numbers: CCD 4.4 mA/cm² for Li/LPSC/8S-2O/LPSC/Li).
final class CyclingPaneTests: XCTestCase {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Examples/cycling").standardizedFileURL.path
  static let ccdFile = "synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_time-constant.bdf.csv"
  static let fullCell = "synthetic_Li-LPSC-8S2O-LPSC-LCO_rate-test.bdf.csv"

  func loadedPane() throws -> CyclingPane {
    var pane = CyclingPane(workspace: Self.examples)
    let effects = pane.handle(.focused)
    guard case .startJob(let job)? = effects.first else {
      XCTFail("the pane reads the workspace in a job")
      return pane
    }
    XCTAssertEqual(job.id, "scan")
    // Only the two files under test, read the way the scan job reads each file.
    let outcomes = [Self.fullCell, Self.ccdFile].map { CyclingFilesLoading.read(path: $0, workspace: Self.examples, area: pane.area) }
    for o in outcomes { XCTAssertNil(o.error) }
    _ = pane.handle(.jobFinished(id: "scan", result: .success(JobPayload(outcomes))))
    return pane
  }

  func render(_ pane: CyclingPane, width: Int = 120, height: Int = 40) -> [String] {
    var buffer = Buffer(width: width, height: height)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    return buffer.lines
  }

  func press(_ pane: inout CyclingPane, _ action: String) -> [Effect] {
    XCTAssertNotNil(CyclingPane.keyTable.first { $0.action == action }, "no binding for \(action)")
    return pane.handle(.action(action))
  }

  func testFilesAreListedAndTheSymmetricCellIsRecognised() throws {
    let pane = try loadedPane()
    XCTAssertEqual(pane.files.map(\.path), [Self.fullCell, Self.ccdFile])
    XCTAssertEqual(pane.files.map(\.isSymmetric), [false, true])
  }

  func testCCDViewShowsTheStudysCriticalCurrentDensity() throws {
    var pane = try loadedPane()
    _ = press(&pane, "next-file")
    for _ in 0..<3 { _ = press(&pane, "cycle-view") }
    XCTAssertEqual(pane.view, .criticalCurrent)
    let lines = render(pane)
    XCTAssertTrue(lines.contains { $0.contains("CCD 4.4 mA/cm²") }, lines.joined(separator: "\n"))
    XCTAssertTrue(lines.contains { $0.contains("last stable 4.3 mA/cm²") })
    XCTAssertTrue(lines.contains { $0.contains("Current steps (time-constant)") })
  }

  func testFullCellHasNoOverpotentialOrCCDButACycleTable() throws {
    var pane = try loadedPane()
    // Five cycles each at six rates: 30 cycles.
    XCTAssertEqual(pane.current?.cycles.count, 30)
    _ = press(&pane, "cycle-view")
    XCTAssertEqual(pane.view, .capacity)
    _ = press(&pane, "cycle-view")
    XCTAssertTrue(render(pane).contains { $0.contains("not a symmetric cell") })
    _ = press(&pane, "scroll-table-down")
    XCTAssertEqual(pane.tableOffset, 5)
    _ = press(&pane, "scroll-table-up")
    XCTAssertEqual(pane.tableOffset, 0)
    XCTAssertTrue(render(pane).contains { $0.contains("Cycles (30)") })
  }

  func testZoomAndPanMoveTheTimeWindow() throws {
    var pane = try loadedPane()
    _ = press(&pane, "zoom-in")
    XCTAssertEqual(pane.window, 0.25...0.75)
    _ = press(&pane, "pan-right")
    XCTAssertEqual(pane.window.lowerBound, 0.375, accuracy: 1e-12)
    _ = press(&pane, "pan-right")
    _ = press(&pane, "pan-right")
    XCTAssertEqual(pane.window.upperBound, 1, accuracy: 1e-12, "panning stops at the end")
    _ = press(&pane, "pan-left")
    XCTAssertEqual(pane.window.lowerBound, 0.375, accuracy: 1e-12)
    _ = press(&pane, "zoom-out")
    XCTAssertEqual(pane.window, 0...1)
    _ = press(&pane, "zoom-in")
    _ = press(&pane, "reset-zoom")
    XCTAssertEqual(pane.window, 0...1)
    XCTAssertEqual(press(&pane, "reset-zoom"), [])
  }

  func testFileSelectionResetsTheWindow() throws {
    var pane = try loadedPane()
    _ = press(&pane, "zoom-in")
    _ = press(&pane, "next-file")
    XCTAssertEqual(pane.selected, 1)
    XCTAssertEqual(pane.window, 0...1)
    _ = press(&pane, "previous-file")
    XCTAssertEqual(pane.selected, 0)
  }

  func testAreaEditorReanalysesInTheBackgroundAndRefusesNonsense() throws {
    var pane = try loadedPane()
    _ = press(&pane, "edit-area")
    XCTAssertTrue(pane.capturesInput)
    _ = pane.handle(.key(.ctrl("u")))
    for c in "-1" { _ = pane.handle(.key(.character(c))) }
    XCTAssertTrue(pane.handle(.key(.enter)).contains { if case .status(let m) = $0 { return m.kind == .error } else { return false } })
    _ = pane.handle(.key(.ctrl("u")))
    for c in "1.5" { _ = pane.handle(.key(.character(c))) }
    let effects = pane.handle(.key(.enter))
    XCTAssertEqual(pane.area, 1.5)
    XCTAssertEqual(effects.filter { if case .startJob = $0 { return true } else { return false } }.count, 2)
  }

  /// Decimation keeps the extremes of each time bin, so spikes survive at any zoom.
  func testDecimationKeepsEveryBinsExtremes() {
    let time = (0..<10_000).map { Double($0) * 36 }  // 0.01 h apart
    var values = [Double](repeating: 0, count: time.count)
    values[5_001] = 7
    values[7_777] = -3
    let points = CyclingPane.decimated(time: time, values: values, range: 0...100, buckets: 50)
    XCTAssertLessThanOrEqual(points.count, 150)
    XCTAssertEqual(points.map(\.y).max(), 7)
    XCTAssertEqual(points.map(\.y).min(), -3)
  }

  func testVoltagePlotDrawsBrailleAndSurvivesTinyAreas() throws {
    let pane = try loadedPane()
    let lines = render(pane)
    XCTAssertTrue(lines.contains { $0.contains("Voltage ·") })
    XCTAssertTrue(lines.joined().unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    for (w, h) in [(1, 1), (29, 9), (30, 10), (45, 14)] { _ = render(pane, width: w, height: h) }
  }
}
