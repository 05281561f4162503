/// A column of a `Table`. The header shows the unit in parentheses ("Mass (g)") so that the
/// numbers below stay bare and line up.
public struct TableColumn: Hashable, Sendable {
  public var title: String
  public var unit: String?
  public var alignment: HorizontalAlignment
  public var width: Constraint

  public init(_ title: String, unit: String? = nil, alignment: HorizontalAlignment = .left, width: Constraint = .fill(1)) {
    self.title = title
    self.unit = unit
    self.alignment = alignment
    self.width = width
  }

  /// A right-aligned column for numbers; format them with a fixed number of decimals so the
  /// decimal points line up.
  public static func numeric(_ title: String, unit: String? = nil, width: Constraint = .fill(1)) -> TableColumn {
    TableColumn(title, unit: unit, alignment: .right, width: width)
  }

  public var header: String {
    guard let unit, !unit.isEmpty else { return title }
    return "\(title) (\(unit))"
  }
}

/// Rows of text under a header row, with a selected row kept in view and highlighted.
/// Column widths come from `Layout` over the columns' constraints; text that does not fit ends
/// in "…". Keep the returned offset (`scrollOffset(in:)`) in the pane state so scrolling is stable.
public struct Table: Widget, Hashable, Sendable {
  public var columns: [TableColumn]
  public var rows: [[String]]
  public var selected: Int?
  /// The first visible row from the previous frame; adjusted to keep `selected` visible.
  public var offset: Int
  /// The selection is drawn bold in a focused table.
  public var isFocused: Bool
  public var columnSpacing: Int
  public var showsHeader: Bool
  /// Per-cell colours, parallel to `rows` (missing entries and nil keep the row's style): the
  /// foreground and attributes apply, the row's background (and selection) stays.
  public var cellStyles: [[Style?]]

  public init(
    columns: [TableColumn], rows: [[String]], selected: Int? = nil, offset: Int = 0, isFocused: Bool = true,
    columnSpacing: Int = 1, showsHeader: Bool = true, cellStyles: [[Style?]] = []
  ) {
    self.columns = columns
    self.rows = rows
    self.selected = selected
    self.offset = offset
    self.isFocused = isFocused
    self.columnSpacing = columnSpacing
    self.showsHeader = showsHeader
    self.cellStyles = cellStyles
  }

  func style(row: Int, column: Int, base: Style) -> Style {
    guard row < cellStyles.count, column < cellStyles[row].count, let own = cellStyles[row][column] else { return base }
    var style = base
    style.foreground = own.foreground
    style.attributes.formUnion(own.attributes)
    return style
  }

  public func visibleRowCount(in area: Rect) -> Int {
    Swift.max(0, area.height - (showsHeader ? 1 : 0))
  }

  /// The first row shown when drawn into `area`.
  public func scrollOffset(in area: Rect) -> Int {
    Scrolling.offset(selected: selected, previousOffset: offset, visibleRows: visibleRowCount(in: area), rowCount: rows.count)
  }

  /// The column rectangles (one row high, at the top of `area`).
  public func columnRects(in area: Rect) -> [Rect] {
    Layout.split(Rect(x: area.x, y: area.y, width: area.width, height: 1), direction: .horizontal, columns.map(\.width), spacing: columnSpacing)
  }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: Cell(" ", style: theme.textStyle))
    let rects = columnRects(in: area)
    var y = area.y
    if showsHeader {
      let headerStyle = Style(foreground: theme.title, background: theme.background, attributes: .bold)
      for (column, rect) in zip(columns, rects) {
        buffer.writeAligned(column.header, x: rect.x, y: y, width: rect.width, alignment: column.alignment, style: headerStyle)
      }
      y += 1
    }
    let visible = visibleRowCount(in: area)
    let first = scrollOffset(in: area)
    for index in first..<Swift.min(rows.count, first + visible) {
      var style = theme.textStyle
      if index == selected {
        style = style.with(background: theme.selection)
        if isFocused { style = style.adding(.bold) }
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: style))
      }
      for (k, rect) in rects.enumerated() {
        let text = k < rows[index].count ? rows[index][k] : ""
        buffer.writeAligned(
          text, x: rect.x, y: y, width: rect.width, alignment: columns[k].alignment, style: self.style(row: index, column: k, base: style))
      }
      y += 1
    }
  }
}
