import Engine
import Foundation
import Lab
import TUI
import Workbench
import XCTest

@testable import glovebox

/// Background jobs through the real runtime: results reach the pane without blocking the loop,
/// cancellation stops a job at its next check, and the Impedance pane's frame budget (idle: no
/// frames at all; a fit iteration: only the cells that changed).
final class JobsTests: XCTestCase {
  final class TestClock: @unchecked Sendable {
    var now = 0.0
    func read() -> Double {
      now += 0.001
      return now
    }
  }

  /// A workspace with one spectrum of R0 = 10 Ω + (R1 = 100 Ω ∥ CPE 1e-5, 0.9), written as
  /// impedance.py's headerless CSV (f, Z', Z'').
  func workspace() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-jobs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let circuit = try Circuit("R0-p(R1,CPE1)")
    let f = (0...60).map { pow(10, 5 - Double($0) / 10) }
    let z = circuit.impedance([10, 100, 1e-5, 0.9], frequencies: f)
    let text = zip(f, z).map { "\($0),\($1.re),\($1.im)" }.joined(separator: "\n") + "\n"
    try text.write(to: dir.appendingPathComponent("cell.csv"), atomically: true, encoding: .utf8)
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir.path
  }

  func runtime(_ backend: MemoryBackend, workspace: String) -> WorkbenchRuntime {
    let clock = TestClock()
    let runtime = WorkbenchRuntime(
      state: AppState(panes: [ImpedancePane(workspace: workspace)], workspace: workspace), backend: backend,
      resolveTheme: ThemeCatalog.resolve, clock: clock.read)
    runtime.minimumFrameInterval = 0
    runtime.watchInterval = .infinity
    return runtime
  }

  func testIdlePaneDrawsNothingAndAFitIterationRedrawsOnlyWhatChanged() throws {
    let backend = MemoryBackend(width: 120, height: 40)
    let runtime = runtime(backend, workspace: try workspace())
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    let screen = try XCTUnwrap(backend.lastFrame).lines
    XCTAssertTrue(screen.contains { $0.contains("cell.csv") }, "the read job's result reached the pane")
    // Idle: the loop wakes, draws no frame, writes no cell.
    let frames = backend.frames.count
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    XCTAssertEqual(backend.frames.count, frames)
    // Two fit iterations: new parameter values move the model curve, residuals and table only.
    runtime.dispatch(.keyPressed(.character("f")))
    let pane = try XCTUnwrap(runtime.state.panes.first as? ImpedancePane)
    let fit = PaneJob.impedance(.fit([ImpedanceFitRequest(entry: 0, key: ImpedanceSpectrumKey(path: "x", index: 0), fit: CircuitFitRequest(
      circuit: try XCTUnwrap(pane.circuit), spectrum: try XCTUnwrap(pane.current?.spectrum), weighting: .unit,
      given: Parameters()))]))
    func iteration(_ n: Int, _ values: [Double]) {
      let progress = ImpedanceFitProgress(entry: 0, values: values, chiSquare: 42 / Double(n), iteration: n, stage: "local")
      runtime.dispatch(.jobProgress(fit, .impedanceFit(progress)))
      runtime.drawPendingFrame()
    }
    iteration(1, [12, 90, 1.2e-5, 0.85])
    let before = backend.frames.count
    iteration(2, [11, 95, 1.1e-5, 0.88])
    XCTAssertEqual(backend.frames.count, before + 1)
    let changes = try XCTUnwrap(backend.frames.last).changes
    XCTAssertGreaterThan(changes.count, 0)
    XCTAssertLessThan(changes.count, 120 * 40 / 4, "a fit iteration must not repaint the screen")
    // The spectra list (left column) and the tab bar stay untouched.
    XCTAssertTrue(changes.allSatisfy { ($0.x >= 30 || $0.y >= 28) && $0.y >= 1 }, "\(changes.filter { $0.x < 30 && $0.y < 28 }.map { [$0.x, $0.y] })")
    runtime.dispatch(.keyPressed(.escape))
    runtime.jobs.waitUntilIdle()
  }

  /// A job for the runner tests below; what it does is the test's `perform`.
  static let drt = ImpedanceJob.drt(entry: 0, spectrum: ImpedanceSpectrum(name: "", frequencies: [], real: [], imaginary: []), series: .automatic)
  static let analysis = PaneJob.impedance(drt)

  func testCancellationStopsAJobAtItsNextCheckAndProgressIsCoalesced() {
    let started = DispatchSemaphore(value: 0)
    let jobs = BackgroundJobs(perform: { _, context in
      .impedance(Self.drt, context.outcome {
        var n = 0
        while true {
          try context.checkCancellation()
          n += 1
          context.report(.impedanceFit(ImpedanceFitProgress(entry: 0, values: [], chiSquare: 0, iteration: n, stage: "local")))
          if n == 10 { started.signal() }
          Thread.sleep(forTimeInterval: 0.0005)
        }
      })
    })
    jobs.start(Self.analysis)
    XCTAssertEqual(started.wait(timeout: .now() + 10), .success)
    jobs.cancel(.impedance(.analysis))
    jobs.waitUntilIdle()
    let actions = jobs.drain()
    XCTAssertEqual(actions.last, .jobFinished(.impedance(Self.drt, .failure(EffectFailure("cancelled")))))
    // Snapshots that piled up between drains collapse to the newest one.
    XCTAssertLessThanOrEqual(actions.filter { if case .jobProgress = $0 { return true } else { return false } }.count, 1)
    XCTAssertFalse(jobs.isBusy)
  }

  func testAReplacedJobsResultIsDropped() throws {
    let gate = DispatchSemaphore(value: 0)
    let old = ImpedanceJob.kramersKronig(entry: 0, spectrum: ImpedanceSpectrum(name: "", frequencies: [], real: [], imaginary: []), series: .automatic)
    let new = Self.drt
    // Both are analyses: one lane. The old one waits; the new one answers at once.
    let jobs = BackgroundJobs(perform: { job, _ in
      guard case .impedance(let analysis) = job else { return .impedance(Self.drt, .failure(EffectFailure("not an analysis"))) }
      if analysis == old { gate.wait() }
      return .impedance(analysis, .success(.analysis(.failed(entry: 0, view: analysis == old ? .kramersKronig : .drt, message: "done"))))
    })
    jobs.start(.impedance(old))
    jobs.start(.impedance(new))
    gate.signal()
    jobs.waitUntilIdle()
    Thread.sleep(forTimeInterval: 0.05)
    XCTAssertEqual(jobs.drain(), [.jobFinished(.impedance(new, .success(.analysis(.failed(entry: 0, view: .drt, message: "done")))))])
  }

  /// The runtime performs the file jobs itself: an impedance file read and parsed, a missing
  /// one reported as removed, a cycler trace analysed, an impedance file refused by the Cycling
  /// reader, and the Lab workspace parsed from the Examples folder.
  func testTheRunnerReadsAndParsesFilesForThePanes() throws {
    let workspace = try workspace()
    let runner = PaneJobRunner(workspace: workspace)
    let read = runner.perform(.impedance(.readFiles(paths: ["cell.csv", "gone.csv"])), context: JobContext())
    guard case .impedance(.readFiles(paths: ["cell.csv", "gone.csv"]), .success(.files(let files))) = read else { return XCTFail("\(read)") }
    XCTAssertEqual(files.map(\.path), ["cell.csv", "gone.csv"])
    XCTAssertEqual(files[0].spectra.first?.count, 61)
    XCTAssertEqual(files[0].spectra.first?.frequencies.first ?? 0, 1e5, accuracy: 1e-6)
    XCTAssertEqual(files[1].error, "removed")
    let cycler = "Test Time / s,Voltage / V,Current / A\n" + (0..<120).map { i in
      "\(Double(i) * 60),\(i / 30 % 2 == 0 ? 0.02 : -0.02),\(i / 30 % 2 == 0 ? 1e-4 : -1e-4)"
    }.joined(separator: "\n") + "\n"
    try cycler.write(toFile: workspace + "/cell.bdf.csv", atomically: true, encoding: .utf8)
    let analysed = runner.perform(.cycling(.analyse(paths: ["cell.bdf.csv", "cell.csv"], area: 1)), context: JobContext())
    guard case .cycling(_, .success(.analysed(let outcomes))) = analysed else { return XCTFail("\(analysed)") }
    // 120 points, current changing sign every 30 minutes: four half-cycles.
    XCTAssertEqual(outcomes[0].analysis?.halfCycles.count, 4)
    XCTAssertEqual(outcomes[1].error, "an impedance file")
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples").path
    let lab = PaneJobRunner(workspace: examples).perform(.materials(.loadWorkspace), context: JobContext())
    guard case .materials(.loadWorkspace, .success(let workspaceValue)) = lab else { return XCTFail("\(lab)") }
    XCTAssertEqual(workspaceValue, try WorkspaceFiles.load(workspace: examples))
    XCTAssertTrue(workspaceValue.recipes.recipes.contains { $0.name == "LPSC" })
    XCTAssertEqual(workspaceValue.errors, [])
    // A cancelled job reports "cancelled", whatever its work returned.
    let cancelled = JobContext()
    cancelled.cancel()
    XCTAssertEqual(runner.perform(.impedance(.readFiles(paths: ["cell.csv"])), context: cancelled),
                   .impedance(.readFiles(paths: ["cell.csv"]), .failure(EffectFailure("cancelled"))))
  }
}
