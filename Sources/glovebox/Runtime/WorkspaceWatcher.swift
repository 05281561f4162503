import Foundation

/// Notices files that appear, change or disappear in the workspace by comparing modification
/// times and sizes between scans (polling: portable, and a workspace is a small folder). The
/// event loop scans at most once a second, on the wake-ups it makes anyway, and turns each
/// reported path into `AppAction.fileChanged`. Hidden files and folders are skipped.
struct WorkspaceWatcher {
  struct Stamp: Equatable {
    var modified: Date
    var size: Int
  }

  let root: URL
  /// Files beyond this many are not watched (a mistaken workspace such as `/` stays cheap).
  var limit = 5000
  private(set) var stamps: [String: Stamp]?

  init(root: String) {
    self.root = URL(fileURLWithPath: root)
  }

  /// Scans the folder and returns the paths (relative to the workspace, sorted) that differ
  /// from the previous scan. The first scan only records the baseline.
  mutating func changedPaths() -> [String] {
    let current = scan()
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

  private func scan() -> [String: Stamp] {
    var result: [String: Stamp] = [:]
    let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles, .skipsPackageDescendants])
    else { return result }
    let prefix = root.standardizedFileURL.path.count + 1
    for case let url as URL in walker {
      guard result.count < limit else { break }
      guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
      let path = String(url.standardizedFileURL.path.dropFirst(prefix))
      result[path] = Stamp(modified: values.contentModificationDate ?? .distantPast, size: values.fileSize ?? 0)
    }
    return result
  }
}
