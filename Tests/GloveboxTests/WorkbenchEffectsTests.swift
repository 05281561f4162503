import Foundation
import TUI
import Workbench
import XCTest

@testable import glovebox

/// A pane for tests only: `n` appends a line to a notebook file, `r` reads it back, `p` runs
/// a program; results are kept for the assertions.
private struct NotebookTestPane: Pane {
  var id = "notebook"
  var title = "Notebook"
  var loaded: Result<String, EffectFailure>?
  var appendFailure: EffectFailure??
  var process: Result<ProcessOutput, EffectFailure>?
  var changedFiles: [String] = []
  var bindings: [KeyBinding] {
    [
      KeyBinding(action: "note", keys: [.character("n")], description: "note"),
      KeyBinding(action: "read", keys: [.character("r")], description: "read"),
      KeyBinding(action: "run", keys: [.character("p")], description: "run"),
    ]
  }
  func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {}
  mutating func handle(_ event: PaneEvent) -> [Effect] {
    switch event {
    case .action("note"): return [.appendToFile(path: "notebook.jsonl", text: "{\"step\":1}\n", pane: id)]
    case .action("read"): return [.loadFile(path: "notebook.jsonl", pane: id)]
    case .action("run"): return [.runProcess(executable: "/bin/sh", arguments: ["-c", "pwd; echo oops >&2; exit 3"], pane: id)]
    case .fileLoaded(_, let result): loaded = result
    case .fileAppended(_, let failure): appendFailure = .some(failure)
    case .processFinished(let result): process = result
    case .fileChanged(let path): changedFiles.append(path)
    default: break
    }
    return [.render]
  }
}

final class WorkbenchEffectsTests: XCTestCase {
  func testFileAndProcessEffectsRunInTheWorkspace() throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-ws-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    let backend = MemoryBackend(width: 40, height: 10)
    let runtime = WorkbenchRuntime(
      state: AppState(panes: [NotebookTestPane()], workspace: workspace.path), backend: backend,
      resolveTheme: ThemeCatalog.resolve)
    runtime.minimumFrameInterval = 0
    backend.enqueue(.character("r"), .character("n"), .character("n"), .character("r"), .character("p"))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    let pane = try XCTUnwrap(runtime.state.panes.first as? NotebookTestPane)
    XCTAssertEqual(pane.appendFailure, .some(nil), "appended without error")
    XCTAssertEqual(try pane.loaded?.get(), "{\"step\":1}\n{\"step\":1}\n")
    let output = try XCTUnwrap(pane.process?.get())
    XCTAssertEqual(output.status, 3)
    XCTAssertEqual(output.standardError, "oops\n")
    XCTAssertEqual(
      URL(fileURLWithPath: output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)).resolvingSymlinksInPath().path,
      workspace.resolvingSymlinksInPath().path)
  }

  func testTheLoopReportsFilesChangedInTheWorkspace() throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-ws-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    let backend = MemoryBackend(width: 40, height: 10)
    let runtime = WorkbenchRuntime(
      state: AppState(panes: [NotebookTestPane()], workspace: workspace.path), backend: backend,
      resolveTheme: ThemeCatalog.resolve)
    runtime.minimumFrameInterval = 0
    runtime.watchInterval = 0
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    // The pane's own notebook entry is a change in the workspace like any other.
    backend.enqueue(.character("n"))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    let pane = try XCTUnwrap(runtime.state.panes.first as? NotebookTestPane)
    XCTAssertEqual(pane.changedFiles, ["notebook.jsonl"])
  }

  func testReadingAMissingFileIsAFailureForThePane() {
    let result = EffectFileIO.read("missing.toml", workspace: "/nonexistent-workspace")
    guard case .failure(let failure) = result else { return XCTFail("expected a failure") }
    XCTAssertTrue(failure.message.hasPrefix("missing.toml: cannot read"), failure.message)
  }
}
