import Foundation
import TUI
import Workbench
import XCTest

@testable import glovebox

/// A pane for tests only that records the files the runtime reports changed.
private struct ChangeRecordingPane: Pane {
  var id = "changes"
  var title = "Changes"
  var changedFiles: [String] = []
  enum Action: String, KeyAction { case clear }
  func binding(for action: Action) -> KeyBinding { KeyBinding(action, keys: [.character("x")], description: "clear") }
  mutating func perform(_ action: Action) -> [Effect] {
    changedFiles.removeAll()
    return []
  }
  func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {}
  mutating func handle(_ event: PaneEvent) -> [Effect] {
    if case .fileChanged(let path) = event { changedFiles.append(path) }
    return []
  }
}

/// The event loop over the workspace index: changes reach the panes as files, a run folder's
/// inner files do not, and the index ends with the loop.
final class WorkbenchRuntimeIndexTests: XCTestCase {
  func testChangedFilesReachThePanesButARunFoldersInsidesDoNot() throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-rt-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace.appendingPathComponent("run/fields"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    try Data("{}".utf8).write(to: workspace.appendingPathComponent("run/status.json"))
    let backend = MemoryBackend(width: 40, height: 10)
    let runtime = WorkbenchRuntime(
      state: AppState(panes: [ChangeRecordingPane()], workspace: workspace.path), backend: backend,
      resolveTheme: ThemeCatalog.resolve)
    runtime.minimumFrameInterval = 0
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    XCTAssertTrue(runtime.index.isComplete, "idle waits for the first walk")
    XCTAssertEqual(runtime.index.files(of: .runFolder), ["run"])

    try Data("1,2,3\n".utf8).write(to: workspace.appendingPathComponent("cell.csv"))
    try Data("{\"step\":2}".utf8).write(to: workspace.appendingPathComponent("run/status.json"))
    try Data("<VTKFile/>".utf8).write(to: workspace.appendingPathComponent("run/fields/step-2.vti"))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    let pane = try XCTUnwrap(runtime.state.panes.first as? ChangeRecordingPane)
    XCTAssertEqual(pane.changedFiles, ["cell.csv"], "the run folder is one entry, not files for the panes to load")
  }

  func testQuitStopsTheIndex() throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-rt-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    let backend = MemoryBackend(width: 40, height: 10)
    backend.enqueue(.character("q"))
    let runtime = WorkbenchRuntime(
      state: AppState(panes: [ChangeRecordingPane()], workspace: workspace.path), backend: backend,
      resolveTheme: ThemeCatalog.resolve)
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .quit)
    let deadline = Date().addingTimeInterval(2)
    while runtime.index.mode != .stopped && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
    XCTAssertEqual(runtime.index.mode, .stopped)
  }

  func testAWorkbenchWithoutPanesStartsNoIndex() {
    let backend = MemoryBackend(width: 40, height: 10)
    let runtime = WorkbenchRuntime(state: AppState(panes: [], workspace: "/"), backend: backend, resolveTheme: ThemeCatalog.resolve)
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    XCTAssertEqual(runtime.index.mode, .notStarted, "nothing shows files, so / is not walked")
  }
}
