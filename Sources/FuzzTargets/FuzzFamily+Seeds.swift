import Foundation

extension FuzzFamily {
  /// The seed files, sorted by path: each seed folder's files with one of `extensions` (but not
  /// a crash folder's info.txt), and each seed that is a file. `root` is the repository. A seed path that does not exist is reported,
  /// not skipped, so a moved example cannot silently shrink a family's seeds.
  public func seedFiles(root: URL) throws -> [URL] {
    let manager = FileManager.default
    var files: [URL] = []
    for seed in seeds {
      let url = root.appendingPathComponent(seed)
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
      }
      guard isFolder.boolValue else {
        files.append(url)
        continue
      }
      for name in try manager.contentsOfDirectory(atPath: url.path).sorted() {
        let file = url.appendingPathComponent(name)
        var nested: ObjCBool = false
        // A crash folder's info.txt describes its input; it is not one.
        guard name != "info.txt", manager.fileExists(atPath: file.path, isDirectory: &nested), !nested.boolValue,
          extensions.contains(file.pathExtension.lowercased())
        else { continue }
        files.append(file)
      }
    }
    return files
  }
}
