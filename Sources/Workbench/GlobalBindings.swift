import TUI

/// What the shell itself does with a key, whatever pane has the focus. The raw values are the
/// names under `[global]` in keys.toml.
public enum GlobalAction: String, KeyAction {
  case pane1 = "pane-1"
  case pane2 = "pane-2"
  case pane3 = "pane-3"
  case pane4 = "pane-4"
  case pane5 = "pane-5"
  case pane6 = "pane-6"
  case nextPane = "next-pane"
  case previousPane = "previous-pane"
  case toggleHelp = "help"
  case openCommandLine = "command"
  case quit = "quit"
  case repaint = "repaint"

  /// 1…6 for the pane keys, nil for the others.
  public var paneNumber: Int? {
    switch self {
    case .pane1: return 1
    case .pane2: return 2
    case .pane3: return 3
    case .pane4: return 4
    case .pane5: return 5
    case .pane6: return 6
    case .nextPane, .previousPane, .toggleHelp, .openCommandLine, .quit, .repaint: return nil
    }
  }
}

/// The shell's binding table: 1–6 and Tab/Shift-Tab switch panes, `?` help, `q` quit,
/// `:` command line, Ctrl-L repaint.
public enum GlobalBindings {
  /// The keymap section of these bindings.
  public static let section = "global"

  public static func binding(for action: GlobalAction) -> KeyBinding {
    switch action {
    case .pane1, .pane2, .pane3, .pane4, .pane5, .pane6:
      let n = action.paneNumber ?? 0
      return KeyBinding(action, keys: [.character(Character(String(n)))], description: "pane \(n)", showsInHints: false)
    case .nextPane: return KeyBinding(action, keys: [.tab], description: "next pane", showsInHints: false)
    case .previousPane: return KeyBinding(action, keys: [.backTab], description: "previous pane", showsInHints: false)
    case .toggleHelp: return KeyBinding(action, keys: [.character("?")], description: "help")
    case .openCommandLine: return KeyBinding(action, keys: [.character(":")], description: "command")
    case .quit: return KeyBinding(action, keys: [.character("q")], description: "quit")
    case .repaint: return KeyBinding(action, keys: [.ctrl("l")], description: "repaint", showsInHints: false)
    }
  }

  public static let defaults: [KeyBinding] = GlobalAction.allCases.map(binding(for:))
}
