import TUI

/// What a key can do in one binding table: a pane's actions, or the shell's. Each table is an
/// enum whose raw value is the action's name in keys.toml ("next-spectrum"), so the keymap
/// file keeps its words while the code dispatches on cases.
///
/// A table is `Action.allCases.map(binding(for:))` and its handler an exhaustive `switch` over
/// the same cases: a case without a binding or without a handler does not compile, and a
/// binding can only name a case (`KeyBinding` is made from an action, never from a string).
public protocol KeyAction: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {}

extension KeyAction {
  /// The action a key triggers in this table after the user's keymap (`overrides`: action name
  /// → keys), in table order, so the first row wins when a keymap binds a key twice.
  static func bound(to key: Key, in table: (Self) -> KeyBinding, overrides: [String: [Key]]) -> Self? {
    allCases.first { action in (overrides[action.rawValue] ?? table(action).keys).contains(key) }
  }
}
