/// The row of pane tabs: ` 1 Materials  2 Assembly `, the selected one highlighted. When the
/// titles do not fit, tabs around the selected one are kept and the rest shown by their number.
public struct Tabs: Widget {
  public var titles: [String]
  public var selected: Int?

  public init(_ titles: [String], selected: Int?) {
    self.titles = titles
    self.selected = selected
  }

  /// The label of tab `index`: its number (1-based) and, when `full`, its title.
  private func label(_ index: Int, full: Bool) -> String {
    full ? " \(index + 1) \(titles[index]) " : " \(index + 1) "
  }

  /// Which tabs keep their title at a given width: all if they fit, otherwise titles are dropped
  /// from the tabs farthest from the selected one until the row fits.
  func fullTitles(width: Int) -> [Bool] {
    var full = Array(repeating: true, count: titles.count)
    func total() -> Int { titles.indices.reduce(0) { $0 + label($1, full: full[$1]).count } }
    let pivot = selected.map { min(max(0, $0), max(0, titles.count - 1)) } ?? 0
    let order = titles.indices.sorted { abs($0 - pivot) > abs($1 - pivot) }
    for index in order where total() > width {
      full[index] = false
    }
    return full
  }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let base = theme.textStyle
    buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: base))
    let full = fullTitles(width: area.width)
    var x = area.x
    for index in titles.indices {
      let isSelected = index == selected
      let style =
        isSelected
        ? Style(foreground: theme.title, background: theme.selection, attributes: .bold)
        : Style(foreground: theme.text, background: theme.background)
      x = buffer.write(label(index, full: full[index]), x: x, y: area.y, style: style, maxWidth: area.right - x)
      if x >= area.right { break }
    }
  }
}
