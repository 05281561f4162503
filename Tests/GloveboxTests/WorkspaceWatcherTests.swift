import Foundation
import Workbench
import XCTest

@testable import glovebox

final class WorkspaceWatcherTests: XCTestCase {
  func testReportsNewChangedAndRemovedFilesButNotHiddenOnes() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-watch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("recipes"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try "a = 1\n".write(to: root.appendingPathComponent("recipes/LPSC.toml"), atomically: true, encoding: .utf8)
    try "x".write(to: root.appendingPathComponent("keep.csv"), atomically: true, encoding: .utf8)
    var watcher = WorkspaceWatcher(root: root.path)
    XCTAssertEqual(watcher.changedPaths(), [], "the first scan is the baseline")
    XCTAssertEqual(watcher.changedPaths(), [], "nothing changed")
    try "a = 22\n".write(to: root.appendingPathComponent("recipes/LPSC.toml"), atomically: true, encoding: .utf8)
    try "new".write(to: root.appendingPathComponent("status.json"), atomically: true, encoding: .utf8)
    try "hidden".write(to: root.appendingPathComponent(".swap"), atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: root.appendingPathComponent("keep.csv"))
    XCTAssertEqual(watcher.changedPaths(), ["keep.csv", "recipes/LPSC.toml", "status.json"])
    XCTAssertEqual(watcher.changedPaths(), [])
  }

  func testDifferencesCompareTimeAndSize() {
    let t = Date(timeIntervalSince1970: 1000)
    let old: [String: WorkspaceWatcher.Stamp] = ["a": .init(modified: t, size: 1), "b": .init(modified: t, size: 2)]
    let new: [String: WorkspaceWatcher.Stamp] = ["a": .init(modified: t, size: 1), "b": .init(modified: t, size: 3), "c": .init(modified: t, size: 0)]
    XCTAssertEqual(WorkspaceWatcher.differences(old, new), ["b", "c"])
  }

  /// The stand-in for the index's classifier: by name, the kinds today's panes ask for; the
  /// data kinds offer every possible instrument file (each reader keeps its own), never exports,
  /// settings or notes; kinds that need sniffing are not claimed complete.
  func testFileKindsByName() {
    let files = ["cell.csv", "eis/run.DTA", "fits/impedance-fits.csv", "materials.toml", "notebook.jsonl",
                 "notes.md", "protocols/A1.toml", "recipes/LPSC.toml", "recipes/old/LPSC.toml", "themes/night.toml"]
      .map { IndexedFile(path: $0, size: 10, modified: 0) }
    func paths(_ kind: WorkspaceFileKind) -> [String] { WorkspaceFileKinds.files(of: kind, in: files).map(\.path) }
    XCTAssertEqual(paths(.impedance), ["cell.csv", "eis/run.DTA"])
    XCTAssertEqual(paths(.cycling), ["cell.csv", "eis/run.DTA"])
    XCTAssertEqual(paths(.recipe), ["recipes/LPSC.toml"])
    XCTAssertEqual(paths(.cellProtocol), ["protocols/A1.toml"])
    XCTAssertEqual(paths(.materials), ["materials.toml"])
    XCTAssertEqual(paths(.notebook), ["notebook.jsonl"])
    XCTAssertEqual(paths(.theme), ["themes/night.toml"])
    let huge = IndexedFile(path: "disk.img", size: WorkspaceFileKinds.dataSizeLimit + 1, modified: 0)
    XCTAssertEqual(WorkspaceFileKinds.files(of: .impedance, in: [huge]), [])
    XCTAssertFalse(WorkspaceFileKinds.classifiedByName(.spectrum))
    XCTAssertTrue(WorkspaceFileKinds.classifiedByName(.cycling))
  }
}
