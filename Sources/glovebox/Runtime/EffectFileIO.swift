import Foundation
import Workbench

/// File effects of the workbench, relative to the workspace folder.
enum EffectFileIO {
  static func url(_ path: String, workspace: String) -> URL {
    WorkspaceFileWalk.url(path, workspace: workspace)
  }

  static func read(_ path: String, workspace: String) -> Result<String, EffectFailure> {
    do {
      return .success(try String(contentsOf: url(path, workspace: workspace), encoding: .utf8))
    } catch {
      return .failure(EffectFailure("\(path): cannot read (\(error.localizedDescription))"))
    }
  }

  /// Appends one record through the notebook writer (locked, torn-line safe, flushed to disk
  /// before returning, so a crash after it never loses the record).
  static func append(_ text: String, to path: String, workspace: String) -> EffectFailure? {
    do {
      try NotebookWriter(path: url(path, workspace: workspace).path).append(line: Data(text.utf8))
      return nil
    } catch {
      return EffectFailure("\(path): cannot append (\(error))")
    }
  }

  /// Writes each file whole (its folders created, the file replaced atomically); the paths
  /// written, or the first failure.
  static func write(_ files: [FileWrite], workspace: String) -> Result<[String], EffectFailure> {
    var written: [String] = []
    for file in files {
      let target = url(file.path, workspace: workspace)
      do {
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.contents.write(to: target, options: .atomic)
        written.append(file.path)
      } catch {
        return .failure(EffectFailure("\(file.path): cannot write (\(error.localizedDescription))"))
      }
    }
    return .success(written)
  }
}
