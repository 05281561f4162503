/// The cursor and scroll moves of the list/detail panes (Materials, Assembly), the state side of
/// `ListDetailLayout`.
enum ListDetailNavigation {
  /// Lines one page key scrolls the detail.
  static let pageLines = 10

  /// "down"/"up" (`step` ±1): moves the list cursor within `count` items when the list has the
  /// focus (the detail then starts at its top), otherwise scrolls the detail. False when nothing
  /// changed (an empty list, or the cursor already at the end).
  static func move(_ step: Int, listHasFocus: Bool, count: Int, cursor: inout Int,
                   detailScroll: inout Int) -> Bool {
    guard listHasFocus else {
      detailScroll = max(0, detailScroll + step)
      return true
    }
    guard count > 0 else { return false }
    let moved = min(max(0, cursor + step), count - 1)
    guard moved != cursor else { return false }
    cursor = moved
    detailScroll = 0
    return true
  }

  /// "page-down"/"page-up": scrolls the detail by a page, never above its top.
  static func page(down: Bool, detailScroll: inout Int) {
    detailScroll = max(0, detailScroll + (down ? pageLines : -pageLines))
  }
}
