import CNcursesw
import TUI

extension NcursesTerminal {
  /// A keypad code from `wget_wch` (KEY_CODE_YES) as a `Key`; nil for keys the app has no name for.
  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_IC: return .insert
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    default:
      for n in 1...12 where code == gb_key_f(Int32(n)) { return .function(n) }
      return nil
    }
  }

  /// A character from `wget_wch` (OK) as a `Key`: control codes become Tab, Enter, Esc,
  /// Backspace or Ctrl-letter; other control codes are dropped.
  static func characterKey(_ value: UInt32) -> Key? {
    switch value {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 96)))
    case 0..<32: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }
}
