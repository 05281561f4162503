import Engine
import Foundation
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
    XCTAssertTrue(screen.contains { $0.contains("cell.csv") }, "the scan job's result reached the pane")
    // Idle: the loop wakes, draws no frame, writes no cell.
    let frames = backend.frames.count
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    XCTAssertEqual(backend.frames.count, frames)
    // Two fit iterations: new parameter values move the model curve, residuals and table only.
    runtime.dispatch(.keyPressed(.character("f")))
    func iteration(_ n: Int, _ values: [Double]) {
      let progress = ImpedanceFitProgress(entry: 0, values: values, chiSquare: 42 / Double(n), iteration: n, stage: "local")
      runtime.dispatch(.jobProgress(pane: "impedance", id: "fit", payload: JobPayload(progress)))
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

  func testCancellationStopsAJobAtItsNextCheckAndProgressIsCoalesced() {
    let jobs = BackgroundJobs()
    let started = DispatchSemaphore(value: 0)
    jobs.start(BackgroundJob(id: "loop", pane: "p") { context in
      var n = 0
      while true {
        try context.checkCancellation()
        n += 1
        context.report(n)
        if n == 10 { started.signal() }
        Thread.sleep(forTimeInterval: 0.0005)
      }
    })
    XCTAssertEqual(started.wait(timeout: .now() + 10), .success)
    jobs.cancel(pane: "p", id: "loop")
    jobs.waitUntilIdle()
    let actions = jobs.drain()
    XCTAssertEqual(actions.last, .jobFinished(pane: "p", id: "loop", result: .failure(EffectFailure("cancelled"))))
    // Snapshots that piled up between drains collapse to the newest one.
    XCTAssertLessThanOrEqual(actions.filter { if case .jobProgress = $0 { return true } else { return false } }.count, 1)
    XCTAssertFalse(jobs.isBusy)
  }

  func testAReplacedJobsResultIsDropped() {
    let jobs = BackgroundJobs()
    let gate = DispatchSemaphore(value: 0)
    jobs.start(BackgroundJob(id: "load", pane: "p") { _ in
      gate.wait()
      return "old"
    })
    jobs.start(BackgroundJob(id: "load", pane: "p") { _ in "new" })
    gate.signal()
    jobs.waitUntilIdle()
    Thread.sleep(forTimeInterval: 0.05)
    let values = jobs.drain().compactMap { action -> String? in
      guard case .jobFinished(_, _, .success(let payload)) = action else { return nil }
      return payload.value as? String
    }
    XCTAssertEqual(values, ["new"])
  }
}
