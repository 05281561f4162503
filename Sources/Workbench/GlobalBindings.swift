import TUI

/// What the shell itself does with a key, whatever pane has the focus.
public enum GlobalAction: Hashable, Sendable {
  case focusPane(Int)
  case nextPane
  case previousPane
  case toggleHelp
  case quit
  case openCommandLine
  case repaint

  /// Keymap identifiers, as written under `[global]` in keys.toml.
  public var id: String {
    switch self {
    case .focusPane(let n): return "pane-\(n)"
    case .nextPane: return "next-pane"
    case .previousPane: return "previous-pane"
    case .toggleHelp: return "help"
    case .quit: return "quit"
    case .openCommandLine: return "command"
    case .repaint: return "repaint"
    }
  }

  public init?(id: String) {
    guard let found = Self.all.first(where: { $0.id == id }) else { return nil }
    self = found
  }

  static let all: [GlobalAction] =
    (1...6).map { .focusPane($0) } + [.nextPane, .previousPane, .toggleHelp, .quit, .openCommandLine, .repaint]
}

/// The shell's binding table: 1–6 and Tab/Shift-Tab switch panes, `?` help, `q` quit,
/// `:` command line, Ctrl-L repaint.
public enum GlobalBindings {
  /// The keymap section of these bindings.
  public static let section = "global"

  public static let defaults: [KeyBinding] =
    (1...6).map { n in
      KeyBinding(action: "pane-\(n)", keys: [.character(Character(String(n)))], description: "pane \(n)", showsInHints: false)
    } + [
      KeyBinding(action: "next-pane", keys: [.tab], description: "next pane", showsInHints: false),
      KeyBinding(action: "previous-pane", keys: [.backTab], description: "previous pane", showsInHints: false),
      KeyBinding(action: "help", keys: [.character("?")], description: "help"),
      KeyBinding(action: "command", keys: [.character(":")], description: "command"),
      KeyBinding(action: "quit", keys: [.character("q")], description: "quit"),
      KeyBinding(action: "repaint", keys: [.ctrl("l")], description: "repaint", showsInHints: false),
    ]
}
