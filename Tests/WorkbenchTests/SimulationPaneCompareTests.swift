import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// Compared runs at equal simulated time, and the attached run's folder watch.
extension SimulationPaneTests {
  /// metrics.csv rows (step, time) as the runtime's job hands them back.
  func timedMetrics(_ rows: [(Int, Double)]) -> (RunMetricsReader, RunMetricsReader.Update) {
    var reader = RunMetricsReader()
    let csv = "step,time_s,tip_height_um\n" + rows.map { "\($0.0),\($0.1),1.0\n" }.joined()
    let update = reader.read(appended: Data(csv.utf8))
    return (reader, update)
  }

  func decodeJob(_ run: String, _ step: Int) -> SimulationJob {
    .snapshot(run: run, snapshot: RunFolder.snapshotName(step: step), maxColumns: 256, maxRows: 256)
  }

  func testNearestSnapshotByHand() {
    let three: [(name: String, time: Double)] = [("a", 0), ("b", 1), ("c", 2)]
    XCTAssertEqual(SimulationPane.nearestSnapshot(to: 1.4, among: three), .nearest(snapshot: "b", time: 1))
    XCTAssertEqual(SimulationPane.nearestSnapshot(to: 1.6, among: three), .nearest(snapshot: "c", time: 2))
    XCTAssertEqual(SimulationPane.nearestSnapshot(to: 0.5, among: three), .nearest(snapshot: "a", time: 0), "a tie goes to the earlier")
    // Spacing 1: a run whose newest is t = 2 covers up to 2.5; past that it has not got there.
    XCTAssertEqual(SimulationPane.nearestSnapshot(to: 2.4, among: three), .nearest(snapshot: "c", time: 2))
    XCTAssertEqual(SimulationPane.nearestSnapshot(to: 2.6, among: three), .notReached(newest: 2))
    XCTAssertEqual(SimulationPane.nearestSnapshot(to: 5, among: [("only", 5)]), .nearest(snapshot: "only", time: 5))
    XCTAssertEqual(SimulationPane.nearestSnapshot(to: 5.1, among: [("only", 5)]), .notReached(newest: 5))
    XCTAssertEqual(SimulationPane.nearestSnapshot(to: 1, among: []), .notReached(newest: nil))
  }

  func testComparedRunsShowTheirSnapshotNearestTheAttachedTimeOnEqualMapsWithOneBar() throws {
    var pane = try listedPane()
    // Mark runs/done and runs/stale, attach runs/live (list order: live, stale, done, broken).
    XCTAssertEqual(pane.runs.map(\.path).prefix(3), ["runs/live", "runs/stale", "runs/done"])
    _ = pane.perform(.nextRun)
    _ = pane.perform(.mark)
    _ = pane.perform(.nextRun)
    _ = pane.perform(.mark)
    _ = pane.perform(.previousRun)
    _ = pane.perform(.previousRun)
    let attachEffects = pane.perform(.attach)
    // No compared snapshot is decoded before the attached one's time is known.
    XCTAssertFalse(attachEffects.contains(.startJob(.simulation(decodeJob("runs/stale", 200)))), "\(attachEffects)")
    var frame = Self.frame()
    frame.time = 0.2
    _ = pane.handle(.jobFinished(.simulation(decodeJob("runs/live", 200), .success(.snapshot(frame)))))
    XCTAssertEqual(pane.attachedTime, 0.2)
    // runs/stale wrote steps 0, 100, 200 at t = 0, 0.15, 0.3: nearest 0.2 is step 100 (0.05 away, 200 is 0.1 away).
    let (staleReader, staleRows) = timedMetrics([(0, 0), (100, 0.15), (200, 0.3)])
    let staleEffects = pane.handle(.jobFinished(.simulation(.metrics(run: "runs/stale", reader: RunMetricsReader()),
                                                            .success(.metrics(reader: staleReader, update: staleRows, restarted: false)))))
    XCTAssertEqual(staleEffects, [.render, .startJob(.simulation(decodeJob("runs/stale", 100)))])
    // runs/done wrote t = 0, 0.02, 0.04 (spacing 0.02): it has not reached 0.2.
    let (doneReader, doneRows) = timedMetrics([(0, 0), (100, 0.02), (200, 0.04)])
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(.metrics(run: "runs/done", reader: RunMetricsReader()),
                                                        .success(.metrics(reader: doneReader, update: doneRows, restarted: false))))),
                   [.render])
    XCTAssertEqual(pane.comparedTarget("runs/done"), .notReached(newest: 0.04))
    var other = Self.frame(RunFolder.snapshotName(step: 100))
    other.run = "runs/stale"
    other.time = 0.15
    other.fields[0].values = [2, 2, 2, 2, 0, 0, 0, 0]
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(decodeJob("runs/stale", 100), .success(.snapshot(other))))), [.render])

    let context = PaneRenderContext(theme: .dark, graphSymbols: .braille)
    let run = try XCTUnwrap(pane.attachedRun)
    let maps = pane.comparedMaps(run, context: context)
    XCTAssertEqual(maps.map(\.title), ["t = 0.2 s · runs/live", "t = 0.15 s (nearest) · runs/stale",
                                       "no snapshot at that time (newest t = 0.04 s) · runs/done"])
    // ξ spans 0…1 attached, 0…2 compared (hand-made): one scale 0…2, no bar on any map.
    XCTAssertEqual(maps.map { $0.map?.bounds }, [0...2, 0...2, nil])
    XCTAssertEqual(maps.compactMap { $0.map?.drawsScale }, [false, false])
    // The maps' cells are the same size; the bar is in its own column right of them.
    let field = Rect(x: 0, y: 0, width: 100, height: 20)
    let scaleWidth = try XCTUnwrap(maps[0].map?.scaleWidth)
    let areas = SimulationPane.comparedAreas(field, count: 3, scaleWidth: scaleWidth + 1)
    XCTAssertEqual(areas.scale.x + areas.scale.width, 100)
    XCTAssertEqual(areas.scale.width, scaleWidth + 1)
    XCTAssertEqual(areas.maps.reduce(0) { $0 + $1.width }, 100 - scaleWidth - 1)
    let widths = areas.maps.map(\.width)
    XCTAssertLessThanOrEqual((widths.max() ?? 0) - (widths.min() ?? 0), 1)
    let cells = zip(areas.maps.prefix(2), maps.prefix(2)).compactMap { $1.map?.mapCells(in: Block(title: "").inner($0)) }
    XCTAssertEqual(cells.count, 2)
    XCTAssertEqual(cells[0].width, cells[1].width)
    XCTAssertEqual(cells[0].height, cells[1].height)
    let text = render(pane, width: 240).joined(separator: "\n")
    for piece in ["ξ · t = 0.2 s · runs/live", "t = 0.15 s (nearest) · runs/stale", "no snapshot at that", "0.04 s)"] {
      XCTAssertTrue(text.contains(piece), "\(piece) in\n\(text)")
    }
  }

  func testANewSnapshotInTheAttachedRunsFieldsIsDecodedAtOnce() throws {
    var pane = try listedPane()
    XCTAssertEqual(pane.watchedFolders, [])
    _ = pane.perform(.attach)
    XCTAssertEqual(pane.watchedFolders, ["runs/live", "runs/live/fields"])
    _ = pane.handle(.jobFinished(.simulation(decodeJob("runs/live", 200), .success(.snapshot(Self.frame())))))
    XCTAssertNil(pane.decoding)
    // The writer renames step 300 into place: decoded now, not at the next listing.
    XCTAssertEqual(pane.handle(.fileChanged(path: "runs/live/fields/step_000000300.vti")),
                   [.startJob(.simulation(decodeJob("runs/live", 300)))])
    XCTAssertEqual(pane.attachedRun?.snapshots.last, "step_000000300.vti")
    XCTAssertEqual(pane.attachedRun?.summary.latestSnapshot, "step_000000300.vti")
    XCTAssertEqual(pane.decoding, "step_000000300.vti")
    // A preview (written before its snapshot) and an unknown file start nothing.
    XCTAssertEqual(pane.handle(.fileChanged(path: "runs/live/fields/step_000000400.preview")), [])
    XCTAssertEqual(pane.handle(.fileChanged(path: "runs/live/fields/notes.txt")), [])
    // status.json re-lists.
    XCTAssertEqual(pane.handle(.fileChanged(path: "runs/live/status.json")),
                   [.startJob(.simulation(.list(paths: Self.paths)))])
    // Hidden, nothing is watched.
    _ = pane.visibilityChanged(false)
    XCTAssertEqual(pane.watchedFolders, [])
  }

  func testWrappingKeepsWholeWords() {
    XCTAssertEqual(SimulationPane.wrapped("no snapshot at that time", width: 11), ["no snapshot", "at that", "time"])
    XCTAssertEqual(SimulationPane.wrapped("abcdefgh ij", width: 4), ["abcd", "ij"])
    XCTAssertEqual(SimulationPane.wrapped("x", width: 0), [])
  }

  func testWhileAnOlderSnapshotIsChosenANewOneIsListedButNotDecoded() throws {
    var pane = try listedPane()
    _ = pane.perform(.attach)
    _ = pane.handle(.jobFinished(.simulation(decodeJob("runs/live", 200), .success(.snapshot(Self.frame())))))
    XCTAssertEqual(pane.perform(.previousSnapshot), [.render, .startJob(.simulation(decodeJob("runs/live", 100)))])
    XCTAssertEqual(pane.handle(.fileChanged(path: "runs/live/fields/step_000000300.vti")), [])
    XCTAssertEqual(pane.attachedRun?.snapshots.count, 4)
  }
}
