import Foundation
import TUI
import Workbench
import XCTest

@testable import glovebox

/// A pane for tests only: `n` appends a line to a notebook file, `r` reads it back, `p` runs
/// a program; results are kept for the assertions.
private struct NotebookTestPane: Pane {
  enum Action: String, KeyAction {
    case note = "note"
    case read = "read"
    case run = "run"
    case export = "export"
    case list = "list"
  }

  var id = "notebook"
  var title = "Notebook"
  var loaded: Result<String, EffectFailure>?
  var appendFailure: EffectFailure??
  var process: Result<ProcessOutput, EffectFailure>?
  var written: Result<[String], EffectFailure>?
  var lists: [[IndexedFile]] = []
  var listsComplete: [Bool] = []
  var changedFiles: [String] = []

  func binding(for action: Action) -> KeyBinding {
    switch action {
    case .note: return KeyBinding(action, keys: [.character("n")], description: "note")
    case .read: return KeyBinding(action, keys: [.character("r")], description: "read")
    case .run: return KeyBinding(action, keys: [.character("p")], description: "run")
    case .export: return KeyBinding(action, keys: [.character("e")], description: "export")
    case .list: return KeyBinding(action, keys: [.character("l")], description: "list")
    }
  }

  func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {}

  mutating func perform(_ action: Action) -> [Effect] {
    switch action {
    case .note: return [.appendToFile(path: "notebook.jsonl", text: "{\"step\":1}\n", pane: id)]
    case .read: return [.loadFile(path: "notebook.jsonl", pane: id)]
    case .run: return [.runProcess(executable: "/bin/sh", arguments: ["-c", "pwd; echo oops >&2; exit 3"], pane: id)]
    case .export: return [.writeFiles([FileWrite(path: "fits/out.csv", contents: Data("a,b\n1,2\n".utf8))], pane: id)]
    case .list: return [.requestFiles(.notebook)]
    }
  }

  mutating func handle(_ event: PaneEvent) -> [Effect] {
    switch event {
    case .fileLoaded(_, let result): loaded = result
    case .fileAppended(_, let failure): appendFailure = .some(failure)
    case .filesWritten(let result): written = result
    case .workspaceFiles(.notebook, let files, let complete):
      lists.append(files)
      listsComplete.append(complete)
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
    backend.enqueue(.character("l"), .character("r"), .character("n"), .character("n"), .character("r"), .character("p"), .character("e"))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    let pane = try XCTUnwrap(runtime.state.panes.first as? NotebookTestPane)
    // Asked before the index's first walk ended: an empty list, then the complete one, then the
    // list again once the notebook was written (the index saw it appear).
    XCTAssertEqual(pane.lists.first?.map(\.path), [], "no notebook yet")
    XCTAssertEqual(pane.lists.last?.map(\.path), ["notebook.jsonl"])
    XCTAssertEqual(pane.listsComplete.last, true)
    XCTAssertEqual(try pane.written?.get(), ["fits/out.csv"])
    XCTAssertEqual(try String(contentsOf: workspace.appendingPathComponent("fits/out.csv"), encoding: .utf8), "a,b\n1,2\n")
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
    // The pane's own notebook entry is a change in the workspace like any other, and the list
    // of notebooks it asked for follows.
    backend.enqueue(.character("l"))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    backend.enqueue(.character("n"))
    XCTAssertEqual(runtime.run(stopWhenIdle: true), .idle)
    let pane = try XCTUnwrap(runtime.state.panes.first as? NotebookTestPane)
    XCTAssertEqual(pane.changedFiles, ["notebook.jsonl"])
    XCTAssertEqual(pane.lists.map { $0.map(\.path) }, [[], ["notebook.jsonl"]])
    XCTAssertEqual(pane.lists.last?.first?.size, "{\"step\":1}\n".utf8.count)
  }

  func testReadingAMissingFileIsAFailureForThePane() {
    let result = EffectFileIO.read("missing.toml", workspace: "/nonexistent-workspace")
    guard case .failure(let failure) = result else { return XCTFail("expected a failure") }
    XCTAssertTrue(failure.message.hasPrefix("missing.toml: cannot read"), failure.message)
  }
}
