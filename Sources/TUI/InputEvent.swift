/// A key as the workbench understands it, independent of the terminal that produced it.
/// Keymaps name keys by `name` ("q", "?", "tab", "shift-tab", "ctrl-l", "f1", "up", …), so the
/// same text works in the built-in binding tables and in a user's `keys.toml`.
public enum Key: Hashable, Sendable, CustomStringConvertible {
  /// A printable character (a space too). Control characters arrive as `.ctrl` or named keys.
  case character(Character)
  case enter
  case escape
  case backspace
  case delete
  case tab
  /// Shift-Tab.
  case backTab
  case up
  case down
  case left
  case right
  case home
  case end
  case pageUp
  case pageDown
  case insert
  /// Ctrl with a letter a–z (always stored lower case). Ctrl-I, Ctrl-M and Ctrl-H arrive from
  /// terminals as Tab, Enter and Backspace and are reported as those.
  case ctrl(Character)
  /// F1–F12 (other numbers are kept as they come).
  case function(Int)

  private static let namedKeys: [(String, Key)] = [
    ("enter", .enter), ("esc", .escape), ("backspace", .backspace), ("delete", .delete),
    ("tab", .tab), ("shift-tab", .backTab), ("up", .up), ("down", .down), ("left", .left),
    ("right", .right), ("home", .home), ("end", .end), ("pageup", .pageUp), ("pagedown", .pageDown),
    ("insert", .insert), ("space", .character(" ")),
  ]

  /// The canonical text a keymap uses for this key.
  public var name: String {
    switch self {
    case .character(" "): return "space"
    case .character(let c): return String(c)
    case .ctrl(let c): return "ctrl-" + String(c)
    case .function(let n): return "f\(n)"
    default:
      return Self.namedKeys.first(where: { $0.1 == self })?.0 ?? "?"
    }
  }

  public var description: String { name }

  /// Parses a key name as written in a keymap. Accepts the canonical names plus common
  /// spellings ("escape", "return", "backtab", "C-x", "ctrl+x", "pgup", "del", "F5");
  /// returns nil for anything else so the caller can report the line.
  public init?(name raw: String) {
    let text = raw.trimmingWhitespace()
    guard !text.isEmpty else { return nil }
    if text.count == 1, let c = text.first {
      guard !c.isASCII || (c.asciiValue.map { $0 >= 0x20 && $0 < 0x7f } ?? false) else { return nil }
      self = .character(c)
      return
    }
    let lower = text.lowercased()
    let aliases: [String: String] = [
      "escape": "esc", "return": "enter", "backtab": "shift-tab", "s-tab": "shift-tab",
      "shift+tab": "shift-tab", "pgup": "pageup", "pgdn": "pagedown", "page-up": "pageup",
      "page-down": "pagedown", "del": "delete", "bs": "backspace", "ins": "insert",
    ]
    let canonical = aliases[lower] ?? lower
    if let named = Self.namedKeys.first(where: { $0.0 == canonical }) {
      self = named.1
      return
    }
    for prefix in ["ctrl-", "ctrl+", "c-", "^"] where canonical.hasPrefix(prefix) {
      let rest = canonical.dropFirst(prefix.count)
      guard rest.count == 1, let letter = rest.first, letter >= "a", letter <= "z" else { return nil }
      self = .ctrl(letter)
      return
    }
    if canonical.hasPrefix("f"), let n = Int(canonical.dropFirst()), (1...12).contains(n) {
      self = .function(n)
      return
    }
    return nil
  }
}

/// Something the terminal reported: a key, or a new size after the window was resized.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines (no Foundation in TUI).
  fileprivate func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
