/// A grid of cells that widgets draw into. Writes outside the area are ignored, so a widget can
/// never trap on a small or empty area. The backend receives only `diff(from:)`.
public struct Buffer: Hashable, Sendable {
  public private(set) var area: Rect
  public private(set) var cells: [Cell]

  public init(area: Rect, filling cell: Cell = .blank) {
    self.area = area
    self.cells = Array(repeating: cell, count: area.area)
  }

  public init(width: Int, height: Int) {
    self.init(area: Rect(x: 0, y: 0, width: width, height: height))
  }

  private func index(x: Int, y: Int) -> Int? {
    guard area.contains(x: x, y: y) else { return nil }
    return (y - area.y) * area.width + (x - area.x)
  }

  /// The cell at (x, y), or nil outside the area.
  public func cell(x: Int, y: Int) -> Cell? {
    index(x: x, y: y).map { cells[$0] }
  }

  public mutating func set(x: Int, y: Int, _ cell: Cell) {
    if let i = index(x: x, y: y) { cells[i] = cell }
  }

  public mutating func set(x: Int, y: Int, symbol: Character, style: Style) {
    if let i = index(x: x, y: y) { cells[i] = Cell(symbol, style: style) }
  }

  /// Changes only the style of an existing cell (used for selection highlights).
  public mutating func setStyle(x: Int, y: Int, _ style: Style) {
    if let i = index(x: x, y: y) { cells[i].style = style }
  }

  /// Writes `text` from (x, y) rightwards, clipped to `maxWidth` columns and to the buffer.
  /// Returns the column after the last character written.
  @discardableResult
  public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
    let limit = maxWidth.map { x + max(0, $0) } ?? area.right
    var column = x
    for character in text {
      if column >= limit { break }
      if character == "\n" || character == "\r" || character == "\t" {
        set(x: column, y: y, symbol: " ", style: style)
      } else {
        set(x: column, y: y, symbol: character, style: style)
      }
      column += 1
    }
    return column
  }

  /// Fills a rectangle (clipped to the buffer) with one cell.
  public mutating func fill(_ rect: Rect, with cell: Cell) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    for yy in clipped.y..<clipped.bottom {
      for xx in clipped.x..<clipped.right { set(x: xx, y: yy, cell) }
    }
  }

  /// Applies a style to every cell of a rectangle, keeping the symbols.
  public mutating func setStyle(_ rect: Rect, _ style: Style) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    for yy in clipped.y..<clipped.bottom {
      for xx in clipped.x..<clipped.right { setStyle(x: xx, y: yy, style) }
    }
  }

  /// Resizes to a new area, blanking every cell.
  public mutating func resize(to newArea: Rect) {
    area = newArea
    cells = Array(repeating: .blank, count: newArea.area)
  }

  /// The text of row `y` (symbols only), for tests and captures.
  public func line(_ y: Int) -> String {
    guard y >= area.y, y < area.bottom else { return "" }
    var text = ""
    text.reserveCapacity(area.width)
    for xx in area.x..<area.right { text.append(cells[(y - area.y) * area.width + (xx - area.x)].symbol) }
    return text
  }

  /// Every row's text, top to bottom.
  public var lines: [String] {
    (area.y..<area.bottom).map { line($0) }
  }
}
