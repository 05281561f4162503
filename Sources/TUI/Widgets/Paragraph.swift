/// Styled text, word-wrapped to the area (or cut at its right edge), aligned, and scrolled by
/// whole wrapped rows.
public struct Paragraph: Widget, Hashable, Sendable {
  public var lines: [TextLine]
  public var wrap: Bool
  public var alignment: HorizontalAlignment
  /// Wrapped rows skipped at the top.
  public var scroll: Int
  /// The base style; nil uses the theme's text style.
  public var style: Style?

  public init(
    lines: [TextLine], wrap: Bool = true, alignment: HorizontalAlignment = .left, scroll: Int = 0,
    style: Style? = nil
  ) {
    self.lines = lines
    self.wrap = wrap
    self.alignment = alignment
    self.scroll = scroll
    self.style = style
  }

  /// Plain text; "\n" starts a new line.
  public init(
    _ text: String, wrap: Bool = true, alignment: HorizontalAlignment = .left, scroll: Int = 0,
    style: Style? = nil
  ) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextLine(String($0)) }
    self.init(lines: lines, wrap: wrap, alignment: alignment, scroll: scroll, style: style)
  }

  /// How many rows the text takes at `width` (for scroll limits).
  public func rowCount(width: Int) -> Int {
    rows(width: width, base: .plain).count
  }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let base = style ?? theme.textStyle
    buffer.fill(area, with: Cell(" ", style: base))
    let all = rows(width: area.width, base: base)
    let first = Swift.max(0, scroll)
    guard first < all.count else { return }
    for (i, row) in all[first...].prefix(area.height).enumerated() {
      let start = area.x + row.alignment.offset(length: row.cells.count, width: area.width)
      for (k, cell) in row.cells.prefix(area.width).enumerated() {
        buffer.set(x: start + k, y: area.y + i, cell)
      }
    }
  }

  struct Row {
    var cells: [Cell]
    var alignment: HorizontalAlignment
  }

  /// Greedy word wrap: a word moves to the next row when it does not fit; a word longer than
  /// the width is broken; spaces at a wrap point are dropped.
  func rows(width: Int, base: Style) -> [Row] {
    guard width > 0 else { return [] }
    var result: [Row] = []
    for line in lines {
      let align = line.alignment ?? alignment
      var cells: [Cell] = []
      for span in line.spans {
        let style = span.style ?? base
        for ch in span.text { cells.append(Cell(ch == "\t" ? " " : ch, style: style)) }
      }
      if !wrap {
        result.append(Row(cells: Array(cells.prefix(width)), alignment: align))
        continue
      }
      for row in Paragraph.wrap(cells, width: width) { result.append(Row(cells: row, alignment: align)) }
    }
    return result
  }

  static func wrap(_ cells: [Cell], width: Int) -> [[Cell]] {
    var rows: [[Cell]] = []
    var row: [Cell] = []
    var i = 0
    func finishRow() {
      while row.last?.symbol == " " { row.removeLast() }
      rows.append(row)
      row = []
    }
    while i < cells.count {
      let isSpace = cells[i].symbol == " "
      var j = i
      while j < cells.count, (cells[j].symbol == " ") == isSpace { j += 1 }
      let token = cells[i..<j]
      if isSpace {
        // Spaces at the start of a wrapped row are dropped; leading indentation is kept.
        if !(row.isEmpty && !rows.isEmpty) {
          if row.count + token.count <= width { row.append(contentsOf: token) } else { finishRow() }
        }
      } else if row.count + token.count <= width {
        row.append(contentsOf: token)
      } else if token.count <= width {
        finishRow()
        row.append(contentsOf: token)
      } else {
        // A word wider than a row starts on a fresh row and is broken there.
        if !row.isEmpty { finishRow() }
        var rest = token[...]
        while !rest.isEmpty {
          let room = width - row.count
          if room == 0 {
            finishRow()
            continue
          }
          row.append(contentsOf: rest.prefix(room))
          rest = rest.dropFirst(room)
        }
      }
      i = j
    }
    finishRow()
    return rows
  }
}
