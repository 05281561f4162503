import TUI

/// The layout the Materials and Assembly panes share: a list beside its detail when the area is
/// wide enough, otherwise one of the two at a time (the list while it has the focus).
struct ListDetailLayout {
  /// Below this width the list and the detail take turns (Enter / Esc) instead of sharing.
  static let sideBySideWidth = 50

  /// The list's width: `fraction` of the area, clamped to `minimum`…`maximum` columns.
  var fraction: Int
  var minimum: Int
  var maximum: Int

  /// Clears `area` and draws the list and/or the detail into the parts this layout gives them.
  func render(into buffer: inout Buffer, area: Rect, theme: Theme, listAlone: Bool,
              list: (inout Buffer, Rect) -> Void, detail: (inout Buffer, Rect) -> Void) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: Cell(" ", style: theme.textStyle))
    if area.width >= Self.sideBySideWidth {
      let listWidth = min(maximum, max(minimum, area.width / fraction))
      let parts = Layout.split(area, direction: .horizontal, [.length(listWidth), .fill(1)])
      list(&buffer, parts[0])
      detail(&buffer, parts[1])
    } else if listAlone {
      list(&buffer, area)
    } else {
      detail(&buffer, area)
    }
  }
}
