import Foundation
import Workbench

/// Notices files that appear, change or disappear in the workspace by comparing modification
/// times and sizes between walks (polling: portable, and a workspace is a small folder). The
/// event loop walks at most once a second, on the wake-ups it makes anyway, and turns each
/// reported path into `AppAction.fileChanged` and the changed file lists into
/// `AppAction.workspaceFiles`. Hidden files and folders are skipped.
struct WorkspaceWatcher {
  struct Stamp: Equatable {
    var modified: Date
    var size: Int
  }

  let root: String
  /// Files beyond this many are not watched (a mistaken workspace such as `/` stays cheap).
  var limit = WorkspaceFileWalk.defaultLimit
  private(set) var stamps: [String: Stamp]?
  /// The files of the latest walk, sorted by path.
  private(set) var files: [IndexedFile] = []
  /// Whether a walk has been made (the baseline).
  var hasWalked: Bool { stamps != nil }

  init(root: String) {
    self.root = root
  }

  /// Walks the folder and returns the paths (relative to the workspace, sorted) that differ
  /// from the previous walk. The first walk only records the baseline.
  mutating func changedPaths() -> [String] {
    files = WorkspaceFileWalk.files(in: root, limit: limit)
    var current: [String: Stamp] = [:]
    for file in files { current[file.path] = Stamp(modified: Date(timeIntervalSince1970: file.modified), size: file.size) }
    defer { stamps = current }
    guard let previous = stamps else { return [] }
    return Self.differences(previous, current)
  }

  static func differences(_ old: [String: Stamp], _ new: [String: Stamp]) -> [String] {
    var changed = Set<String>()
    for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
    for path in old.keys where new[path] == nil { changed.insert(path) }
    return changed.sorted()
  }
}
