import Foundation
import Workbench

/// One walk of a workspace folder: its regular, non-hidden files with size and modification
/// time, as paths relative to the folder, sorted. Shared by the watcher (which compares two
/// walks) and the panes' file lists (`WorkspaceFileKinds`), until the workspace index replaces
/// both with one walk kept current by inotify.
enum WorkspaceFileWalk {
  /// Files beyond this many are not listed (a mistaken workspace such as `/` stays cheap).
  static let defaultLimit = 5000

  static func files(in workspace: String, limit: Int = defaultLimit) -> [IndexedFile] {
    let root = URL(fileURLWithPath: workspace).standardizedFileURL
    let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
    guard let walker = FileManager.default.enumerator(
      at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles, .skipsPackageDescendants])
    else { return [] }
    let prefix = root.path.count + 1
    var files: [IndexedFile] = []
    for case let url as URL in walker {
      guard files.count < limit else { break }
      guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
      files.append(IndexedFile(
        path: String(url.standardizedFileURL.path.dropFirst(prefix)), size: values.fileSize ?? 0,
        modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0))
    }
    return files.sorted { $0.path < $1.path }
  }

  /// The absolute location of a workspace-relative path.
  static func url(_ path: String, workspace: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: workspace).appendingPathComponent(path)
  }
}
