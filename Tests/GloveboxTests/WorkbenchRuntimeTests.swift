import Foundation
import TUI
import Workbench
import XCTest

@testable import glovebox

/// The app end to end on a MemoryBackend: keys in, frames out, through the real reducer,
/// view and runtime (the event loop, throttling and effect runner).
final class WorkbenchRuntimeTests: XCTestCase {
  /// A fake clock: each reading advances 1 ms, so frames are never throttled away in tests.
  final class TestClock: @unchecked Sendable {
    var now = 0.0
    func read() -> Double {
      now += 0.001
      return now
    }
  }

  func makeRuntime(_ backend: MemoryBackend, panes: [any Pane] = []) -> WorkbenchRuntime {
    let clock = TestClock()
    let runtime = WorkbenchRuntime(
      state: AppState(panes: panes, workspace: "Examples"), backend: backend, resolveTheme: ThemeCatalog.resolve,
      clock: clock.read)
    runtime.minimumFrameInterval = 0
    return runtime
  }

  func testQuitEndsTheLoopAfterDrawingTheShell() {
    let backend = MemoryBackend(width: 80, height: 24)
    backend.enqueue(.character("q"))
    XCTAssertEqual(makeRuntime(backend).run(stopWhenIdle: true), .quit)
    let screen = backend.frames.first?.buffer.lines ?? []
    XCTAssertEqual(screen.count, 24)
    XCTAssertTrue(screen[12].contains(AppView.noPanesNotice))
    XCTAssertTrue(screen[23].hasPrefix(" Examples │ ? help  : command  q quit"))
  }

  func testResizingDownToOneCellNeverTrapsAndRedrawsAtEachSize() {
    let backend = MemoryBackend(width: 120, height: 40)
    for (w, h) in [(80, 24), (40, 12), (20, 6), (1, 1), (0, 0), (120, 40)] {
      backend.enqueueResize(width: w, height: h)
      backend.enqueue(.character("?"))
    }
    backend.enqueue(.character("q"))
    XCTAssertEqual(makeRuntime(backend).run(stopWhenIdle: true), .quit)
    let sizes = backend.frames.map { [$0.buffer.area.width, $0.buffer.area.height] }
    for expected in [[80, 24], [40, 12], [20, 6], [1, 1], [0, 0], [120, 40]] {
      XCTAssertTrue(sizes.contains(expected), "a frame at \(expected)")
    }
    XCTAssertEqual(backend.frames.last?.buffer.area.width, 120)
  }

  func testIdleMeansNoFramesAndABlockingRead() {
    let backend = MemoryBackend(width: 80, height: 24)
    let runtime = makeRuntime(backend)
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    XCTAssertEqual(backend.frames.count, 1, "one frame at start, none while idle")
    XCTAssertEqual(backend.requestedTimeouts.last, 1000, "idle waits block (1 s wake-ups for signals)")
    // A key nobody binds changes nothing: no frame.
    backend.enqueue(.character("x"))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    XCTAssertEqual(backend.frames.count, 1)
  }

  func testCtrlLRepaintsEveryCell() {
    let backend = MemoryBackend(width: 30, height: 5)
    backend.enqueue(.ctrl("l"))
    _ = makeRuntime(backend).run(stopWhenIdle: true)
    XCTAssertEqual(backend.invalidations, 1)
    XCTAssertEqual(backend.frames.count, 2)
    XCTAssertEqual(backend.frames[1].changes.count, 30 * 5, "a repaint rewrites every cell")
  }

  func testCommandLineThemeAndStatusMessagesReachTheScreen() {
    let backend = MemoryBackend(width: 60, height: 6)
    backend.enqueue(.character(":"))
    backend.enqueue(events: "theme neon".map { .key(.character($0)) })
    backend.enqueue(.enter)
    let runtime = makeRuntime(backend)
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    XCTAssertTrue(backend.lastFrame?.lines.last?.hasPrefix(" Examples │ unknown theme 'neon' (available: ") ?? false)
    // Only the status line changed between the last two frames.
    let rows = Set(backend.frames.last?.changes.map(\.y) ?? [])
    XCTAssertEqual(rows, [5])
  }

  func testFramesAreThrottled() {
    let backend = MemoryBackend(width: 20, height: 4)
    let clock = TestClock()
    let runtime = WorkbenchRuntime(
      state: AppState(panes: [], workspace: "w"), backend: backend, resolveTheme: ThemeCatalog.resolve, clock: clock.read)
    runtime.minimumFrameInterval = 0.1
    // Ten keys that each change the screen, read 1 ms apart: far less than one frame interval.
    backend.enqueue(events: Array(repeating: InputEvent.key(.character("?")), count: 10))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    XCTAssertLessThan(backend.frames.count, 4, "\(backend.frames.count) frames for 10 changes within 10 ms")
    // The wait before the pending frame is the rest of the interval, not a busy loop.
    XCTAssertTrue(backend.requestedTimeouts.contains { ($0 ?? 0) > 50 })
  }

  func testASignalEndsTheLoop() {
    let backend = MemoryBackend(width: 20, height: 4)
    let runtime = WorkbenchRuntime(
      state: AppState(panes: [], workspace: "w"), backend: backend, resolveTheme: ThemeCatalog.resolve,
      pendingSignal: { 15 })
    XCTAssertEqual(runtime.run(), .signal(15))
  }
}
