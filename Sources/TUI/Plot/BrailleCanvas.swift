/// A grid of dots over a rectangle of cells: 2×4 dots per cell in braille (its main use), 2×2 with
/// quadrant blocks, 1×1 in ASCII. Dot (0, 0) is the top-left; x grows right, y down. Each cell
/// has one colour: the last one drawn into it. Dots outside the grid are ignored.
public struct BrailleCanvas: Widget, Hashable, Sendable {
  public let width: Int
  public let height: Int
  public let symbols: GraphSymbols
  var masks: [UInt8]
  var colors: [Color]
  var markers: [UInt8]

  public init(width: Int, height: Int, symbols: GraphSymbols = .braille) {
    self.width = Swift.max(0, width)
    self.height = Swift.max(0, height)
    self.symbols = symbols
    let count = self.width * self.height
    masks = Array(repeating: 0, count: count)
    colors = Array(repeating: .terminalDefault, count: count)
    markers = Array(repeating: 0, count: count)
  }

  /// Dots across the canvas.
  public var dotWidth: Int { width * symbols.dotsAcross }
  /// Dots down the canvas.
  public var dotHeight: Int { height * symbols.dotsDown }

  /// Turns on dot (x, y). `marker` picks the ASCII marker (the series index).
  public mutating func set(x: Int, y: Int, color: Color, marker: Int = 0) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let across = symbols.dotsAcross, down = symbols.dotsDown
    let cellX = x / across, cellY = y / down
    let i = cellY * width + cellX
    masks[i] |= symbols.bit(dx: x - cellX * across, dy: y - cellY * down)
    colors[i] = color
    markers[i] = UInt8(truncatingIfNeeded: marker)
  }

  /// Whether dot (x, y) is on.
  public func isSet(x: Int, y: Int) -> Bool {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
    let across = symbols.dotsAcross, down = symbols.dotsDown
    let cellX = x / across, cellY = y / down
    return masks[cellY * width + cellX] & symbols.bit(dx: x - cellX * across, dy: y - cellY * down) != 0
  }

  /// A straight line of dots by Bresenham's algorithm, both ends included. The dot steps by one
  /// along the major axis and the error term decides the minor step, so the line has no gaps
  /// and no doubled dots. Ends far outside the grid should be clipped first (`PlotMapping`).
  public mutating func line(x0: Int, y0: Int, x1: Int, y1: Int, color: Color, marker: Int = 0) {
    var x = x0, y = y0
    let dx = abs(x1 - x0), dy = -abs(y1 - y0)
    let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
    var error = dx + dy
    while true {
      set(x: x, y: y, color: color, marker: marker)
      if x == x1 && y == y1 { break }
      let e2 = 2 * error
      if e2 >= dy {
        error += dy
        x += sx
      }
      if e2 <= dx {
        error += dx
        y += sy
      }
    }
  }

  /// Clears every dot.
  public mutating func clear() {
    for i in masks.indices { masks[i] = 0 }
  }

  /// Draws the non-empty cells at the area's top-left, clipped to the area; empty cells are left
  /// as they are, so text drawn before shows through.
  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    render(into: &buffer, area: area, background: theme.background)
  }

  public func render(into buffer: inout Buffer, area: Rect, background: Color) {
    let w = Swift.min(width, area.width), h = Swift.min(height, area.height)
    guard w > 0, h > 0 else { return }
    for cy in 0..<h {
      let row = cy * width
      for cx in 0..<w {
        let mask = masks[row + cx]
        if mask == 0 { continue }
        let style = Style(foreground: colors[row + cx], background: background)
        buffer.set(x: area.x + cx, y: area.y + cy, Cell(symbols.symbol(mask: mask, marker: markers[row + cx]), style: style))
      }
    }
  }
}
