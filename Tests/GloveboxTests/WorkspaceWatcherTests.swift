import Foundation
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
}
