import Engine
import Foundation
import TUI
import XCTest

@testable import Workbench

/// A sweep none of whose points has started (a Slurm array still queued, a pool not yet at
/// it) has no run folder: the pane lists it from its sweep.json, with every point's state.
final class SimulationPaneQueuedSweepTests: XCTestCase {
  static let now = SimulationPaneTests.now

  static func header(_ path: String, executor: String = "slurm", states: [SweepPointState], age: Double = 2) -> SimulationSweepHeader {
    SimulationSweepHeader(path: path, name: "model1-potential", executor: executor,
                          points: states.indices.map { .init(folder: SweepSpec.folderName(index: $0, count: states.count), state: states[$0]) },
                          lastWrite: now.addingTimeInterval(-age), secondsSinceWrite: age)
  }

  /// What opening the sweep reads: four points at −0.1 … −0.25 V, none started.
  static func queuedSweep(_ path: String = "sweeps/queued", executor: String = "slurm") -> SimulationSweep {
    let potentials = [-0.1, -0.15, -0.2, -0.25]
    let points = potentials.indices.map { i in
      SweepPointSummary(index: i, folder: SweepSpec.folderName(index: i, count: 4), parameters: [.number(potentials[i])], state: .queued,
                        reason: nil, step: nil, observables: SweepObservables(columns: [], rows: []), problems: [])
    }
    return SimulationSweep(path: path, name: "model1-potential", executor: executor, keys: ["physics.electrode_potential"],
                           points: points, warnings: [])
  }

  func file(_ path: String) -> IndexedFile { IndexedFile(path: path, size: 100, modified: 1) }

  func render(_ pane: SimulationPane) -> String {
    var buffer = Buffer(width: 120, height: 40)
    pane.render(into: &buffer, area: buffer.area, context: PaneRenderContext(theme: .dark, graphSymbols: .braille))
    return buffer.lines.joined(separator: "\n")
  }

  /// A lone finished run and a queued Slurm sweep (and a sweep file, which is no sweep folder).
  func listed() throws -> SimulationPane {
    var pane = SimulationPane(workspace: "/tmp/ws")
    XCTAssertTrue(pane.handle(.focused).contains(.requestFiles(.sweep)))
    _ = pane.handle(.workspaceFiles(kind: .runFolder, files: [file("runs/lone")], complete: true))
    _ = pane.handle(.jobFinished(.simulation(.list(paths: ["runs/lone"]),
                                             .success(.listed([try SimulationPaneTests.run("runs/lone", state: "finished", age: 3600)])))))
    let asked = pane.handle(.workspaceFiles(kind: .sweep, files: [file("sim/potential-sweep.toml"), file("sweeps/queued/sweep.json")],
                                            complete: true))
    XCTAssertEqual(asked, [.render, .startJob(.simulation(.sweepHeaders(paths: ["sweeps/queued"])))])
    let header = Self.header("sweeps/queued", states: [.queued, .queued, .queued, .queued])
    XCTAssertEqual(pane.handle(.jobFinished(.simulation(.sweepHeaders(paths: ["sweeps/queued"]), .success(.sweepHeaders([header]))))),
                   [.render])
    // the lone run, listed first, stays selected; the new entry is above it
    XCTAssertEqual(pane.current?.path, "runs/lone")
    XCTAssertEqual(pane.perform(.previousRun), [.render])
    XCTAssertEqual(pane.current?.path, "sweeps/queued")
    return pane
  }

  func testAQueuedSweepIsOneEntryWithEveryPoint() throws {
    let pane = try listed()
    XCTAssertEqual(pane.runs.map(\.path), ["sweeps/queued", "runs/lone"])  // submitted 2 s ago: newest activity first
    let text = render(pane)
    XCTAssertTrue(text.contains("Runs (2)"), text)
    let row = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("│sweeps/queued ") })
    XCTAssertTrue(row.contains("sweep") && row.contains("4 points") && row.contains("0.0%") && row.contains("4 queued"), String(row))
    // the detail below the list says how many have started
    XCTAssertTrue(text.contains("model1-potential · sweep · slurm"), text)
    XCTAssertTrue(text.contains("4 points, 0 started: 4 queued"), text)
  }

  func testOpeningItShowsEveryPointQueuedAndNoPointOpens() throws {
    var pane = try listed()
    XCTAssertEqual(pane.perform(.attach), [.render, .startJob(.simulation(.sweep(path: "sweeps/queued")))])
    _ = pane.handle(.jobFinished(.simulation(.sweep(path: "sweeps/queued"), .success(.sweep(Self.queuedSweep())))))
    let text = render(pane)
    XCTAssertTrue(text.contains("Sweep model1-potential · slurm · 4 points: 4 queued"), text)
    let lines = text.split(separator: "\n")
    for (folder, potential) in zip(["p000", "p001", "p002", "p003"], ["-0.1", "-0.15", "-0.2", "-0.25"]) {
      let row = try XCTUnwrap(lines.first { $0.contains("│\(folder) ") }, text)
      XCTAssertTrue(row.contains(potential) && row.contains("queued"), String(row))
    }
    XCTAssertTrue(text.contains("no point has a tip height yet"), text)
    XCTAssertEqual(pane.perform(.attach), [.status(.error("sweeps/queued/p000 is queued: it has no run yet to open"))])
  }

  func testStartedPointsAndSweepJSONMerge() throws {
    var pane = try listed()
    // p001 has started: its run folder appears; the others stay as sweep.json says
    _ = pane.handle(.workspaceFiles(kind: .runFolder, files: [file("runs/lone"), file("sweeps/queued/p001")], complete: true))
    var point = try SimulationPaneTests.run("sweeps/queued/p001", state: "running", age: 1)
    point.sweepFolder = "sweeps/queued"
    _ = pane.handle(.jobFinished(.simulation(.list(paths: ["runs/lone", "sweeps/queued/p001"]),
                                             .success(.listed([try SimulationPaneTests.run("runs/lone", state: "finished", age: 3600), point])))))
    XCTAssertEqual(pane.runs.map(\.path), ["sweeps/queued", "runs/lone"])
    XCTAssertEqual(pane.runs[0].sweepCounts, "3 queued, 1 running")
    XCTAssertEqual(pane.runs[0].sweepSize, "4 points")
    // sweep.json removed (the folder deleted): the entry goes once its run folders go too
    _ = pane.handle(.workspaceFiles(kind: .sweep, files: [], complete: true))
    XCTAssertNil(pane.sweepHeaders["sweeps/queued"])
    XCTAssertEqual(pane.runs[0].sweepSize, "1 runs")
    _ = pane.handle(.workspaceFiles(kind: .runFolder, files: [file("runs/lone")], complete: true))
    XCTAssertEqual(pane.runs.map(\.path), ["runs/lone"])
  }

  func testATornSweepJSONIsListedWithItsProblem() throws {
    var pane = SimulationPane(workspace: "/tmp/ws")
    _ = pane.handle(.focused)
    _ = pane.handle(.workspaceFiles(kind: .sweep, files: [file("sweep.json")], complete: true))
    let torn = SimulationSweepHeader(path: ".", name: ".", executor: "—", points: [], problem: "sweep.json: not a sweep index: torn")
    _ = pane.handle(.jobFinished(.simulation(.sweepHeaders(paths: ["."]), .success(.sweepHeaders([torn])))))
    XCTAssertEqual(pane.runs.map(\.path), ["."])
    XCTAssertTrue(render(pane).contains("sweep.json: not a sweep index: torn"))
  }

  /// An open Slurm sweep with unfinished points is read (one squeue) at most every 5 s; a local
  /// one at the list's pace.
  func testAnOpenSlurmSweepIsReadAtMostEveryFiveSeconds() throws {
    for (executor, readAt102) in [("slurm", false), ("local", true)] {
      var pane = try listed()
      _ = pane.handle(.tick(99))
      _ = pane.perform(.attach)
      _ = pane.handle(.jobFinished(.simulation(.sweep(path: "sweeps/queued"), .success(.sweep(Self.queuedSweep(executor: executor))))))
      func reads(_ effects: [Effect]) -> Int { effects.filter { $0 == .startJob(.simulation(.sweep(path: "sweeps/queued"))) }.count }
      // read at 99; the list's 2 s have not passed at 100
      XCTAssertEqual(reads(pane.handle(.tick(100))), 0, executor)
      XCTAssertEqual(reads(pane.handle(.tick(102))), readAt102 ? 1 : 0, executor)
      if !readAt102 { XCTAssertEqual(reads(pane.handle(.tick(104.5))), 1, executor) }
    }
  }
}
