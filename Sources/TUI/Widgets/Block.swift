/// A bordered box with an optional title: the frame of every pane. Draws what fits: on a 1×1 area
/// only the top-left corner, on a one-row area only the top edge.
public struct Block: Widget, Hashable, Sendable {
  public enum BorderType: Hashable, Sendable {
    case plain, rounded, double, thick

    /// top-left, top-right, bottom-left, bottom-right, horizontal, vertical
    var symbols: (Character, Character, Character, Character, Character, Character) {
      switch self {
      case .plain: return ("┌", "┐", "└", "┘", "─", "│")
      case .rounded: return ("╭", "╮", "╰", "╯", "─", "│")
      case .double: return ("╔", "╗", "╚", "╝", "═", "║")
      case .thick: return ("┏", "┓", "┗", "┛", "━", "┃")
      }
    }
  }

  public var title: String?
  public var titleAlignment: HorizontalAlignment
  /// A focused block draws its border in `theme.borderFocused` and its title bold.
  public var isFocused: Bool
  public var borderType: BorderType
  /// Clears the whole area to the theme background before drawing the border.
  public var fillsBackground: Bool

  public init(
    title: String? = nil, isFocused: Bool = false, borderType: BorderType = .plain,
    titleAlignment: HorizontalAlignment = .left, fillsBackground: Bool = true
  ) {
    self.title = title
    self.isFocused = isFocused
    self.borderType = borderType
    self.titleAlignment = titleAlignment
    self.fillsBackground = fillsBackground
  }

  /// The area inside the border.
  public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    if fillsBackground { buffer.fill(area, with: Cell(" ", style: theme.textStyle)) }
    var borderStyle = Style(foreground: isFocused ? theme.borderFocused : theme.border, background: theme.background)
    if isFocused { borderStyle = borderStyle.adding(.bold) }
    let (tl, tr, bl, br, h, v) = borderType.symbols
    let right = area.right - 1
    let bottom = area.bottom - 1
    for x in area.x...right {
      buffer.set(x: x, y: area.y, symbol: h, style: borderStyle)
      if bottom > area.y { buffer.set(x: x, y: bottom, symbol: h, style: borderStyle) }
    }
    for y in area.y...bottom {
      buffer.set(x: area.x, y: y, symbol: v, style: borderStyle)
      if right > area.x { buffer.set(x: right, y: y, symbol: v, style: borderStyle) }
    }
    buffer.set(x: area.x, y: area.y, symbol: tl, style: borderStyle)
    if right > area.x { buffer.set(x: right, y: area.y, symbol: tr, style: borderStyle) }
    if bottom > area.y {
      buffer.set(x: area.x, y: bottom, symbol: bl, style: borderStyle)
      if right > area.x { buffer.set(x: right, y: bottom, symbol: br, style: borderStyle) }
    }
    drawTitle(into: &buffer, area: area, theme: theme)
  }

  private func drawTitle(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard let title, !title.isEmpty else { return }
    // " Title " between the corners; needs room for at least one character and its spaces.
    let room = area.width - 2
    guard room >= 3 else { return }
    let text = " " + title.ellipsized(toWidth: room - 2) + " "
    var style = Style(foreground: theme.title, background: theme.background)
    if isFocused { style = style.adding(.bold) }
    buffer.writeAligned(text, x: area.x + 1, y: area.y, width: room, alignment: titleAlignment, style: style)
  }
}
