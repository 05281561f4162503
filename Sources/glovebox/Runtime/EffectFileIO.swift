import Foundation
import Workbench

/// File effects of the workbench, relative to the workspace folder.
enum EffectFileIO {
  static func url(_ path: String, workspace: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: workspace).appendingPathComponent(path)
  }

  static func read(_ path: String, workspace: String) -> Result<String, EffectFailure> {
    do {
      return .success(try String(contentsOf: url(path, workspace: workspace), encoding: .utf8))
    } catch {
      return .failure(EffectFailure("\(path): cannot read (\(error.localizedDescription))"))
    }
  }

  /// Appends and flushes to disk before returning, so a crash after it never loses the text.
  static func append(_ text: String, to path: String, workspace: String) -> EffectFailure? {
    let target = url(path, workspace: workspace)
    if !FileManager.default.fileExists(atPath: target.path) {
      guard FileManager.default.createFile(atPath: target.path, contents: nil) else {
        return EffectFailure("\(path): cannot create")
      }
    }
    do {
      let handle = try FileHandle(forWritingTo: target)
      defer { try? handle.close() }
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(text.utf8))
      try handle.synchronize()
      return nil
    } catch {
      return EffectFailure("\(path): cannot append (\(error.localizedDescription))")
    }
  }
}
