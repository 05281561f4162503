import TUI

/// One row of a binding table: an action a pane (or the shell) understands, the keys that
/// trigger it, and the words shown in the hint line and the `?` help. Tables are data: the same
/// rows drive dispatch, hints and help, and a user keymap replaces `keys` by `action`.
public struct KeyBinding: Hashable, Sendable {
  /// The action's name in keymap files ("quit", "next-pane", "scale-batch"): the raw value of
  /// the `KeyAction` case the row was made from.
  public let action: String
  public var keys: [Key]
  public var description: String
  /// Whether the status line lists it (the help always does).
  public var showsInHints: Bool
  /// Where the status line puts it: lower first, so the most useful keys survive a narrow
  /// terminal; equal ranks keep the table's order. The help lists every row in table order.
  public var hintRank = KeyBinding.defaultHintRank
  public static let defaultHintRank = 100

  /// The row of `action`: the only way to make one, so every row names a case of a table.
  public init(_ action: some KeyAction, keys: [Key], description: String, showsInHints: Bool = true) {
    self.action = action.rawValue
    self.keys = keys
    self.description = description
    self.showsInHints = showsInHints
  }

  /// The same row placed at `rank` in the hint line.
  public func ranked(_ rank: Int) -> KeyBinding {
    var copy = self
    copy.hintRank = rank
    return copy
  }

  /// "q", or "?/f1" when several keys do the same.
  public var keyLabel: String { keys.map(\.name).joined(separator: "/") }

  public var hint: KeyHint { KeyHint(key: keyLabel, description: description) }
}

extension Array where Element == KeyBinding {
  /// The action bound to `key`, if any (the first row wins when a keymap binds a key twice).
  public func action(for key: Key) -> String? {
    first(where: { $0.keys.contains(key) })?.action
  }

  /// The table with a keymap's replacements applied: an overridden action gets exactly the
  /// keys the user gave, the others keep theirs.
  public func overridden(by replacements: [String: [Key]]) -> [KeyBinding] {
    map { binding in
      guard let keys = replacements[binding.action] else { return binding }
      var copy = binding
      copy.keys = keys
      return copy
    }
  }

  /// The hint line's rows: those shown in hints, by rank (a stable order for equal ranks).
  public var hints: [KeyHint] {
    enumerated().filter { $0.element.showsInHints }
      .sorted { ($0.element.hintRank, $0.offset) < ($1.element.hintRank, $1.offset) }
      .map(\.element.hint)
  }
}
