/// A pane's view of the index for the files it shows: which files the index listed, which of
/// them the pane has read (at which stamp), and whether the index has finished its walk. It
/// turns each new list into the paths to read and the paths gone, and says what an empty list
/// means ("indexing…" until the index is complete, never "no files" before that).
public struct FileListing: Sendable, Equatable {
  /// The stamps of the files read or being read, by path.
  public private(set) var known: [String: IndexedFile] = [:]
  /// Paths whose read has not come back yet.
  public private(set) var pending: Set<String> = []
  /// Whether the pane has asked the index yet.
  public private(set) var requested = false
  /// Whether the index finished its walk (an empty list then means no such files).
  public private(set) var complete = false

  public init() {}

  /// Marks the request sent; false when it already was (ask once per pane).
  public mutating func request() -> Bool {
    guard !requested else { return false }
    requested = true
    return true
  }

  /// Takes a new list: the paths new or changed since the last list (to read, now pending) and
  /// the paths no longer listed (to drop).
  public mutating func update(_ files: [IndexedFile], complete: Bool) -> (read: [String], removed: [String]) {
    self.complete = complete
    var read: [String] = []
    var listed = Set<String>()
    for file in files {
      listed.insert(file.path)
      guard known[file.path] != file else { continue }
      known[file.path] = file
      pending.insert(file.path)
      read.append(file.path)
    }
    // A partial list says nothing about files it does not name yet.
    var removed: [String] = []
    if complete {
      removed = known.keys.filter { !listed.contains($0) }.sorted()
      for path in removed {
        known[path] = nil
        pending.remove(path)
      }
    }
    return (read, removed)
  }

  /// A read came back (whatever it found).
  public mutating func finished(_ paths: [String]) {
    for path in paths { pending.remove(path) }
  }

  /// The pane reads these files again (a setting their analysis depends on changed).
  public mutating func reread(_ paths: [String]) {
    for path in paths { pending.insert(path) }
  }

  /// What an empty list says, given `noFiles` for a finished, empty index.
  public func emptyText(noFiles: String) -> String {
    if !complete { return "indexing…" }
    if !pending.isEmpty { return "reading \(pending.count) file\(pending.count == 1 ? "" : "s")…" }
    return noFiles
  }
}
