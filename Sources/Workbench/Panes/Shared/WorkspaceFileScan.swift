import Foundation

/// The thin file edge of the data panes' background jobs: which files the workspace holds, and
/// their bytes. Runs only inside jobs, never on the UI thread.
public enum WorkspaceFileScan {
  /// Files larger than this are not parsed by the panes (a stray disk image stays cheap).
  public static let sizeLimit = 512 * 1024 * 1024

  /// Regular, non-hidden files under `workspace`, as paths relative to it, sorted.
  public static func files(in workspace: String, limit: Int = 5000) -> [String] {
    let root = URL(fileURLWithPath: workspace).standardizedFileURL
    let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
    guard let walker = FileManager.default.enumerator(
      at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles, .skipsPackageDescendants])
    else { return [] }
    let prefix = root.path.count + 1
    var paths: [String] = []
    for case let url as URL in walker {
      guard paths.count < limit else { break }
      guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
        (values.fileSize ?? 0) <= sizeLimit
      else { continue }
      paths.append(String(url.standardizedFileURL.path.dropFirst(prefix)))
    }
    return paths.sorted()
  }

  /// The absolute location of a workspace-relative path.
  public static func url(_ path: String, workspace: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: workspace).appendingPathComponent(path)
  }

  /// Names that are never instrument data (notes, settings, sources, images).
  public static func isCertainlyNotData(_ path: String) -> Bool {
    let ext = (path as NSString).pathExtension.lowercased()
    if path.hasPrefix("fits/") { return true }
    return ["circuit", "md", "toml", "json", "swift", "png", "jpg", "jpeg", "pdf", "gif", "svg", "html", "py", "sh", "log", "gitignore"]
      .contains(ext)
  }
}
