import Workbench

/// One change the index noticed: an entry appeared, changed (size or modification time; for a
/// run folder, any file beside its `status.json`) or disappeared.
struct WorkspaceChange: Hashable, Sendable {
  enum Event: String, Hashable, Sendable {
    case added, changed, removed
  }

  /// Relative to the workspace.
  var path: String
  var kind: WorkspaceFileKind
  var event: Event
}

/// Changes not yet drained, one per path in the order first noticed. A path that changes many
/// times between two drains (a run rewriting its status.json) is reported once: added then
/// changed stays added, added then removed vanishes, removed then added is a change.
struct WorkspaceChangeBatch {
  private var changes: [WorkspaceChange] = []
  private var positions: [String: Int] = [:]

  var isEmpty: Bool { changes.isEmpty }
  var count: Int { changes.count }

  mutating func add(_ change: WorkspaceChange) {
    guard let position = positions[change.path] else {
      positions[change.path] = changes.count
      changes.append(change)
      return
    }
    let earlier = changes[position]
    switch (earlier.event, change.event) {
    case (.added, .removed):
      changes.remove(at: position)
      positions[change.path] = nil
      for index in position..<changes.count { positions[changes[index].path] = index }
    case (.added, _):
      changes[position].kind = change.kind
    case (.removed, .added):
      changes[position] = WorkspaceChange(path: change.path, kind: change.kind, event: .changed)
    default:
      changes[position] = change
    }
  }

  /// Everything queued, oldest first; the batch is empty afterwards.
  mutating func drain() -> [WorkspaceChange] {
    defer {
      changes.removeAll()
      positions.removeAll()
    }
    return changes
  }
}
