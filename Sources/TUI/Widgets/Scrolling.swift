/// Scrolling of row-based widgets (Table, List): which row is at the top.
public enum Scrolling {
  /// The first visible row that keeps `selected` in view, moving as little as possible from
  /// `previousOffset`, and never scrolling past the last row.
  public static func offset(selected: Int?, previousOffset: Int, visibleRows: Int, rowCount: Int) -> Int {
    guard visibleRows > 0, rowCount > 0 else { return 0 }
    var offset = Swift.max(0, previousOffset)
    if let selected {
      let s = Swift.min(Swift.max(0, selected), rowCount - 1)
      if s < offset { offset = s }
      if s >= offset + visibleRows { offset = s - visibleRows + 1 }
    }
    return Swift.min(offset, Swift.max(0, rowCount - visibleRows))
  }
}
