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

  /// The analysis of an Examples file, read here as the runtime's job reads it.
  static func outcome(_ path: String, area: Double) throws -> CyclingFileOutcome {
    let data = try CyclingFile.read(path: examples + "/" + path)
    return CyclingFileOutcome(path: path, analysis: CyclingFileAnalysis.analyse(data, path: path, area: area), error: nil)
  }

  func loadedPane() throws -> CyclingPane {
    var pane = CyclingPane(workspace: Self.examples)
    XCTAssertEqual(pane.handle(.focused), [.requestFiles(.cycling), .render])
    // Only the two files under test, as the index lists them and the job reads each file.
    let paths = [Self.fullCell, Self.ccdFile]
    let listed = paths.map { IndexedFile(path: $0, size: 1, modified: 0) }
    let job = PaneJob.cycling(.analyse(paths: paths, area: pane.area))
    XCTAssertEqual(pane.handle(.workspaceFiles(kind: .cycling, files: listed, complete: true)), [.render, .startJob(job)])
    XCTAssertEqual(render(pane).filter { $0.contains("reading 2 files…") }.count, 1, "never 'no files' while reading")
    let outcomes = try paths.map { try Self.outcome($0, area: pane.area) }
    _ = pane.handle(.jobFinished(.cycling(.analyse(paths: paths, area: pane.area), .success(.analysed(outcomes)))))
    return pane
  }

  func testTheListSaysIndexingUntilTheIndexIsCompleteNeverNoFiles() {
    var pane = CyclingPane(workspace: Self.examples)
    _ = pane.handle(.focused)
    XCTAssertTrue(render(pane).contains { $0.contains("indexing…") })
    _ = pane.handle(.workspaceFiles(kind: .cycling, files: [], complete: false))
    XCTAssertTrue(render(pane).contains { $0.contains("indexing…") })
    XCTAssertFalse(render(pane).contains { $0.contains("no cycler files") })
    _ = pane.handle(.workspaceFiles(kind: .cycling, files: [], complete: true))
    // The list is narrow: the sentence wraps over two rows.
    XCTAssertTrue(render(pane).contains { $0.contains("no cycler files in") })
    XCTAssertFalse(render(pane).contains { $0.contains("indexing…") })
  }

  func render(_ pane: CyclingPane, width: Int = 120, height: Int = 40) -> [String] {
    var buffer = Buffer(width: width, height: height)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    return buffer.lines
  }

  func press(_ pane: inout CyclingPane, _ action: CyclingPaneAction) -> [Effect] {
    pane.perform(action)
  }

  func testFilesAreListedAndTheSymmetricCellIsRecognised() throws {
    let pane = try loadedPane()
    XCTAssertEqual(pane.files.map(\.path), [Self.fullCell, Self.ccdFile])
    XCTAssertEqual(pane.files.map(\.isSymmetric), [false, true])
  }

  func testCCDViewShowsTheStudysCriticalCurrentDensity() throws {
    var pane = try loadedPane()
    _ = press(&pane, .nextFile)
    for _ in 0..<3 { _ = press(&pane, .cycleView) }
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
    _ = press(&pane, .cycleView)
    XCTAssertEqual(pane.view, .capacity)
    _ = press(&pane, .cycleView)
    XCTAssertTrue(render(pane).contains { $0.contains("not a symmetric cell") })
    _ = press(&pane, .scrollTableDown)
    XCTAssertEqual(pane.tableOffset, 5)
    _ = press(&pane, .scrollTableUp)
    XCTAssertEqual(pane.tableOffset, 0)
    XCTAssertTrue(render(pane).contains { $0.contains("Cycles (30)") })
  }

  func testZoomAndPanMoveTheTimeWindow() throws {
    var pane = try loadedPane()
    _ = press(&pane, .zoomIn)
    XCTAssertEqual(pane.window, 0.25...0.75)
    _ = press(&pane, .panRight)
    XCTAssertEqual(pane.window.lowerBound, 0.375, accuracy: 1e-12)
    _ = press(&pane, .panRight)
    _ = press(&pane, .panRight)
    XCTAssertEqual(pane.window.upperBound, 1, accuracy: 1e-12, "panning stops at the end")
    _ = press(&pane, .panLeft)
    XCTAssertEqual(pane.window.lowerBound, 0.375, accuracy: 1e-12)
    _ = press(&pane, .zoomOut)
    XCTAssertEqual(pane.window, 0...1)
    _ = press(&pane, .zoomIn)
    _ = press(&pane, .resetZoom)
    XCTAssertEqual(pane.window, 0...1)
    XCTAssertEqual(press(&pane, .resetZoom), [])
  }

  func testFileSelectionResetsTheWindow() throws {
    var pane = try loadedPane()
    _ = press(&pane, .zoomIn)
    _ = press(&pane, .nextFile)
    XCTAssertEqual(pane.selected, 1)
    XCTAssertEqual(pane.window, 0...1)
    _ = press(&pane, .previousFile)
    XCTAssertEqual(pane.selected, 0)
  }

  func testAreaEditorReanalysesInTheBackgroundAndRefusesNonsense() throws {
    var pane = try loadedPane()
    _ = press(&pane, .editArea)
    XCTAssertTrue(pane.capturesInput)
    _ = pane.handle(.key(.ctrl("u")))
    for c in "-1" { _ = pane.handle(.key(.character(c))) }
    XCTAssertTrue(pane.handle(.key(.enter)).contains { if case .status(let m) = $0 { return m.kind == .error } else { return false } })
    _ = pane.handle(.key(.ctrl("u")))
    for c in "1.5" { _ = pane.handle(.key(.character(c))) }
    let effects = pane.handle(.key(.enter))
    XCTAssertEqual(pane.area, 1.5)
    XCTAssertEqual(effects, [.render] + [Self.fullCell, Self.ccdFile].map { .startJob(.cycling(.analyse(paths: [$0], area: 1.5))) })
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
