/// One file of the index: where it is (relative to the workspace) and the stamp that says
/// whether it changed (size and modification time, seconds since 1970). Panes compare stamps
/// to decide what to read again.
public struct IndexedFile: Hashable, Sendable {
  public var path: String
  public var size: Int
  public var modified: Double

  public init(path: String, size: Int, modified: Double) {
    self.path = path
    self.size = size
    self.modified = modified
  }
}
