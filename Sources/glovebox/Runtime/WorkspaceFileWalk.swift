import Foundation

/// Workspace-relative paths as file locations (the runtime's file edge).
enum WorkspaceFileWalk {
  /// The absolute location of a workspace-relative path.
  static func url(_ path: String, workspace: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: workspace).appendingPathComponent(path)
  }
}
