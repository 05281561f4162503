import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// A sweep in the Simulation pane: one list entry, its points and plot once opened, Enter on a
/// point opens it as an ordinary run, Esc goes back a level.
final class SimulationPaneSweepTests: XCTestCase {
  static let paths = ["runs/lone", "sweeps/pot/p000", "sweeps/pot/p001"]

  static func point(_ name: String, state: String) throws -> SimulationRun {
    var run = try SimulationPaneTests.run(name, state: state)
    run.sweepFolder = "sweeps/pot"
    return run
  }

  /// The sweep as the runtime reads it: four points at −0.1 … −0.25 V, two started.
  static func sweep() -> SimulationSweep {
    let potentials = [-0.1, -0.15, -0.2, -0.25]
    let tips: [Double?] = [1.25, 1.5, nil, nil]
    let states: [SweepPointState] = [.finished, .running, .queued, .cancelled]
    let points = potentials.indices.map { i in
      SweepPointSummary(
        index: i, folder: SweepSpec.folderName(index: i, count: 4), parameters: [.number(potentials[i])], state: states[i],
        reason: states[i] == .cancelled ? "the Slurm task was cancelled" : nil, step: i < 2 ? 100 * (i + 1) : nil,
        observables: SweepObservables(columns: ["time_s", "tip_height_um", "li_area_fraction"],
                                      rows: tips[i].map { [[0, 1.0, 0.1], [0.5, $0, 0.2]] } ?? []),
        problems: [])
    }
    return SimulationSweep(path: "sweeps/pot", name: "model1-potential", executor: "slurm", keys: ["physics.electrode_potential"],
                           points: points, warnings: [])
  }

  func listed() throws -> SimulationPane {
    var pane = SimulationPane(workspace: "/tmp/ws")
    _ = pane.handle(.focused)
    _ = pane.handle(.workspaceFiles(kind: .runFolder, files: Self.paths.map { IndexedFile(path: $0, size: 0, modified: 0) }, complete: true))
    let listed = [try SimulationPaneTests.run("runs/lone", state: "finished", age: 3600),
                  try Self.point("sweeps/pot/p000", state: "finished"), try Self.point("sweeps/pot/p001", state: "running")]
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(.list(paths: Self.paths), .success(.listed(listed))))), [.render])
    return pane
  }

  func render(_ pane: SimulationPane) -> String {
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    return buffer.lines.joined(separator: "\n")
  }

  func testASweepIsOneEntryOfTheList() throws {
    let pane = try listed()
    XCTAssertEqual(pane.runs.map(\.path), ["sweeps/pot", "runs/lone"])  // the sweep's newest write (5 s ago) first
    XCTAssertEqual(pane.allRuns.count, 3)
    let text = render(pane)
    XCTAssertTrue(text.contains("Runs (2)"), text)
    XCTAssertFalse(text.contains("sweeps/pot/p000"), text)
    let row = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("│sweeps/pot ") })
    XCTAssertTrue(row.contains("sweep") && row.contains("2 runs") && row.contains("50.0%") && row.contains("1 running, 1 finished"), String(row))
  }

  func testEnterOpensTheSweepShowsItsPointsAndPlotsTipHeightAgainstThePotential() throws {
    var pane = try listed()
    XCTAssertEqual(pane.perform(.attach), [.render, .startJob(.simulation(.sweep(path: "sweeps/pot")))])
    XCTAssertTrue(render(pane).contains("reading sweeps/pot/sweep.json…"))
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(.sweep(path: "sweeps/pot"), .success(.sweep(Self.sweep()))))), [.render])
    let text = render(pane)
    XCTAssertTrue(text.contains("Sweep model1-potential · slurm · 4 points: 1 queued, 1 running, 1 finished, 1 cancelled"), text)
    let lines = text.split(separator: "\n").map(String.init)
    let p003 = try XCTUnwrap(lines.first { $0.contains("│p003 ") })
    XCTAssertTrue(p003.contains("-0.25") && p003.contains("cancelled") && p003.contains("the Slurm task was cancelled"), p003)
    let p001 = try XCTUnwrap(lines.first { $0.contains("│p001 ") })
    XCTAssertTrue(p001.contains("-0.15") && p001.contains("running") && p001.contains("1.5"), p001)
    // the plot: the two points with a tip height, against the potential
    XCTAssertTrue(text.contains("final tip height / µm against physics.electrode_potential · 2 of 4 points"), text)
    XCTAssertEqual(Self.sweep().tipHeightAgainst(keyIndex: 0).map(\.0), [-0.15, -0.1])
    XCTAssertTrue(text.contains { ("\u{2801}"..."\u{28FF}").contains($0) }, "no braille dots drawn:\n\(text)")
    // ticks re-read the open sweep (one read at a time)
    XCTAssertEqual(pane.handle(.tick(100)).filter { $0 == .startJob(.simulation(.sweep(path: "sweeps/pot"))) }.count, 1)
    XCTAssertEqual(pane.handle(.tick(103)).filter { $0 == .startJob(.simulation(.sweep(path: "sweeps/pot"))) }.count, 0)
  }

  func testEnterOnAPointOpensItAsARunAndEscGoesBackALevel() throws {
    var pane = try listed()
    _ = pane.perform(.attach)
    _ = pane.handle(.jobFinished(.simulation(.sweep(path: "sweeps/pot"), .success(.sweep(Self.sweep())))))
    XCTAssertEqual(pane.perform(.nextRun), [.render])
    XCTAssertEqual(pane.sweepSelected, 1)
    let opened = pane.perform(.attach)
    XCTAssertEqual(pane.attached, "sweeps/pot/p001")
    XCTAssertTrue(opened.contains(.startJob(.simulation(.metrics(run: "sweeps/pot/p001", reader: RunMetricsReader())))), "\(opened)")
    XCTAssertTrue(render(pane).contains("sweeps/pot/p001 · model1 · running (Esc: sweep)"))
    // a point without a run yet cannot be opened
    _ = pane.perform(.detach)
    _ = pane.perform(.nextRun)
    XCTAssertEqual(pane.perform(.attach), [.status(.error("sweeps/pot/p002 is queued: it has no run yet to open"))])
    XCTAssertNil(pane.attached)
    XCTAssertEqual(pane.attachedSweep, "sweeps/pot")
    XCTAssertEqual(pane.perform(.detach), [.render])
    XCTAssertNil(pane.attachedSweep)
    XCTAssertTrue(render(pane).contains("Runs (2)"))
    // steering keys do nothing to a sweep entry (its points are steered once opened), nor does mark
    XCTAssertEqual(pane.perform(.togglePause), [])
    XCTAssertEqual(pane.perform(.mark), [])
  }
}
