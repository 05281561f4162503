/// The `?` help: a centred box listing every key of the focused pane and the global keys,
/// built from the same binding tables that drive dispatch. On areas too small for a border it
/// lists what fits without one; on an empty area it draws nothing.
public struct HelpOverlay: Widget {
  /// A titled group of hints ("Materials", "Global").
  public struct Section: Hashable, Sendable {
    public var title: String
    public var hints: [KeyHint]
    public init(title: String, hints: [KeyHint]) {
      self.title = title
      self.hints = hints
    }
  }

  public var title: String
  public var sections: [Section]

  public init(title: String = "Help", sections: [Section]) {
    self.title = title
    self.sections = sections
  }

  private enum Line {
    case heading(String)
    case entry(key: String, description: String)
    case blank
  }

  private var lines: [Line] {
    var result: [Line] = []
    for (index, section) in sections.enumerated() {
      if index > 0 { result.append(.blank) }
      result.append(.heading(section.title))
      result.append(contentsOf: section.hints.map { .entry(key: $0.key, description: $0.description) })
    }
    return result
  }

  private var keyColumnWidth: Int {
    sections.flatMap(\.hints).map(\.key.count).max() ?? 0
  }

  /// The box the overlay occupies inside `area`: as large as its content, centred, clipped.
  public func box(in area: Rect) -> Rect {
    let keyWidth = keyColumnWidth
    let contentWidth = lines.map { line -> Int in
      switch line {
      case .heading(let text): return text.count
      case .entry(_, let description): return keyWidth + 2 + description.count
      case .blank: return 0
      }
    }.max() ?? 0
    let width = min(area.width, max(contentWidth, title.count + 2) + 4)
    let height = min(area.height, lines.count + 2)
    return Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
  }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let frame = box(in: area)
    let base = theme.textStyle
    buffer.fill(frame, with: Cell(" ", style: base))
    let bordered = frame.width >= 4 && frame.height >= 3
    let inner = bordered ? frame.inset(horizontal: 2, vertical: 1) : frame
    if bordered { drawBorder(into: &buffer, frame: frame, theme: theme) }
    let keyWidth = keyColumnWidth
    let keyStyle = Style(foreground: theme.hintKey, background: theme.background, attributes: .bold)
    let headingStyle = Style(foreground: theme.title, background: theme.background, attributes: .bold)
    let all = lines
    for row in 0..<inner.height where row < all.count {
      let y = inner.y + row
      if row == inner.height - 1 && all.count > inner.height {
        buffer.write("…", x: inner.x, y: y, style: base, maxWidth: inner.width)
        break
      }
      switch all[row] {
      case .heading(let text):
        buffer.write(text, x: inner.x, y: y, style: headingStyle, maxWidth: inner.width)
      case .entry(let key, let description):
        let padded = key + String(repeating: " ", count: max(0, keyWidth - key.count)) + "  "
        let x = buffer.write(padded, x: inner.x, y: y, style: keyStyle, maxWidth: inner.width)
        buffer.write(description, x: x, y: y, style: base, maxWidth: inner.right - x)
      case .blank:
        break
      }
    }
  }

  private func drawBorder(into buffer: inout Buffer, frame: Rect, theme: Theme) {
    let style = Style(foreground: theme.borderFocused, background: theme.background)
    let right = frame.right - 1
    let bottom = frame.bottom - 1
    for x in frame.x...right {
      buffer.set(x: x, y: frame.y, symbol: "─", style: style)
      buffer.set(x: x, y: bottom, symbol: "─", style: style)
    }
    for y in frame.y...bottom {
      buffer.set(x: frame.x, y: y, symbol: "│", style: style)
      buffer.set(x: right, y: y, symbol: "│", style: style)
    }
    buffer.set(x: frame.x, y: frame.y, symbol: "┌", style: style)
    buffer.set(x: right, y: frame.y, symbol: "┐", style: style)
    buffer.set(x: frame.x, y: bottom, symbol: "└", style: style)
    buffer.set(x: right, y: bottom, symbol: "┘", style: style)
    let titleStyle = Style(foreground: theme.title, background: theme.background, attributes: .bold)
    buffer.write(" \(title) ", x: frame.x + 2, y: frame.y, style: titleStyle, maxWidth: max(0, frame.width - 4))
  }
}
