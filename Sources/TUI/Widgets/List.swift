/// A scrolling list of lines with one selected item, marked by `highlightSymbol` and the theme's
/// selection colour.
public struct List: Widget, Hashable, Sendable {
  public var items: [TextLine]
  public var selected: Int?
  /// The first visible item from the previous frame; adjusted to keep `selected` visible.
  public var offset: Int
  public var isFocused: Bool
  /// Drawn before the selected item; other items are indented by its width.
  public var highlightSymbol: String

  public init(items: [TextLine], selected: Int? = nil, offset: Int = 0, isFocused: Bool = true, highlightSymbol: String = "> ") {
    self.items = items
    self.selected = selected
    self.offset = offset
    self.isFocused = isFocused
    self.highlightSymbol = highlightSymbol
  }

  public init(_ items: [String], selected: Int? = nil, offset: Int = 0, isFocused: Bool = true, highlightSymbol: String = "> ") {
    self.init(items: items.map { TextLine($0) }, selected: selected, offset: offset, isFocused: isFocused, highlightSymbol: highlightSymbol)
  }

  /// The first item shown when drawn into `area`.
  public func scrollOffset(in area: Rect) -> Int {
    Scrolling.offset(selected: selected, previousOffset: offset, visibleRows: area.height, rowCount: items.count)
  }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: Cell(" ", style: theme.textStyle))
    let first = scrollOffset(in: area)
    let indent = highlightSymbol.count
    for (row, index) in (first..<Swift.min(items.count, first + area.height)).enumerated() {
      let y = area.y + row
      var style = theme.textStyle
      let isSelected = index == selected
      if isSelected {
        style = style.with(background: theme.selection)
        if isFocused { style = style.adding(.bold) }
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: style))
        buffer.write(highlightSymbol, x: area.x, y: y, style: style.with(foreground: theme.borderFocused), maxWidth: area.width)
      }
      var x = area.x + indent
      let limit = area.right
      for span in items[index].spans where x < limit {
        var spanStyle = span.style ?? style
        if isSelected { spanStyle.background = theme.selection }
        x = buffer.write(span.text, x: x, y: y, style: spanStyle, maxWidth: limit - x)
      }
    }
  }
}
