/// A grid of values as colours. Each cell shows two grid rows with the upper half block "▀":
/// the upper row's colour is the foreground, the lower row's the background. The grid is
/// resampled (nearest value) to fill the area. In ASCII mode each cell shows one value as a
/// density character (" .:-=+*#%@") in its colour, so it reads without colour too.
public struct HeatMap: Widget, Hashable, Sendable {
  /// Row-major values, row 0 at the top; `values.count` should be `columns * rows`.
  public var values: [Double]
  public var columns: Int
  public var rows: Int
  /// The values at the ends of the colour scale; nil uses the finite data's min and max.
  public var bounds: ClosedRange<Double>?
  /// Quantises the scale to this many colours (fewer colours cost fewer bytes over SSH).
  public var levels: Int?
  public var symbols: GraphSymbols
  /// Draws a colour bar with its min, mid and max values at the right.
  public var showsScale: Bool
  /// Nil uses the theme's heat-map colours.
  public var ramp: ColorRamp?
  /// Keeps grid points square (a simulation domain keeps its shape) instead of filling the
  /// area; the map sits at the area's top left.
  public var preservesAspect: Bool

  public init(
    values: [Double], columns: Int, rows: Int, bounds: ClosedRange<Double>? = nil, levels: Int? = nil,
    symbols: GraphSymbols = .braille, showsScale: Bool = false, ramp: ColorRamp? = nil, preservesAspect: Bool = false
  ) {
    self.values = values
    self.columns = columns
    self.rows = rows
    self.bounds = bounds
    self.levels = levels
    self.symbols = symbols
    self.showsScale = showsScale
    self.ramp = ramp
    self.preservesAspect = preservesAspect
  }

  static let density: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

  /// The scale's ends: explicit bounds, else the finite data's range (a flat field gets ±0.5).
  public var valueRange: (low: Double, high: Double) {
    if let bounds, bounds.upperBound > bounds.lowerBound { return (bounds.lowerBound, bounds.upperBound) }
    var lo = Double.infinity, hi = -Double.infinity
    for v in values where v.isFinite {
      lo = Swift.min(lo, v)
      hi = Swift.max(hi, v)
    }
    guard lo <= hi else { return (0, 1) }
    return hi > lo ? (lo, hi) : (lo - 0.5, hi + 0.5)
  }

  /// The position of `value` on the scale (0…1), quantised to `levels`; nil for non-finite.
  func fraction(_ value: Double, low: Double, high: Double) -> Double? {
    guard value.isFinite else { return nil }
    let t = Swift.min(1, Swift.max(0, (value - low) / (high - low)))
    guard let levels, levels >= 2 else { return t }
    return Double(Swift.min(levels - 1, Int(t * Double(levels)))) / Double(levels - 1)
  }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: Cell(" ", style: theme.textStyle))
    let ramp = self.ramp ?? ColorRamp(theme: theme)
    let (low, high) = valueRange
    var mapArea = area
    if showsScale, let scaleWidth = drawScale(into: &buffer, area: area, ramp: ramp, low: low, high: high, theme: theme) {
      mapArea.width -= scaleWidth
    }
    guard columns > 0, rows > 0, values.count >= columns * rows, !mapArea.isEmpty else { return }
    // Colours are looked up per value; the ramp is sampled once into a table.
    let steps = levels.map { Swift.max(2, $0) } ?? 256
    let table = (0..<steps).map { ramp.color(at: Double($0) / Double(steps - 1)) }
    func color(_ value: Double) -> Color? {
      guard let t = fraction(value, low: low, high: high) else { return nil }
      return table[Swift.min(steps - 1, Int((t * Double(steps - 1)).rounded()))]
    }
    let subRows = symbols == .ascii ? 1 : 2
    let (width, subRowCount) = drawnSize(in: mapArea, subRows: subRows)
    let cellRows = (subRowCount + subRows - 1) / subRows
    for cy in 0..<cellRows {
      for cx in 0..<width {
        let column = cx * columns / width
        // Sub-rows past the drawn height (the lower half of an odd last row) show the background.
        func value(_ subRow: Int) -> Double {
          subRow < subRowCount ? values[(subRow * rows / subRowCount) * columns + column] : .nan
        }
        let x = mapArea.x + cx, y = mapArea.y + cy
        let top = value(cy * subRows)
        if symbols == .ascii {
          guard let t = fraction(top, low: low, high: high), let c = color(top) else { continue }
          let symbol = HeatMap.density[Swift.min(HeatMap.density.count - 1, Int(t * Double(HeatMap.density.count - 1) + 0.5))]
          buffer.set(x: x, y: y, Cell(symbol, style: Style(foreground: c, background: theme.background)))
          continue
        }
        let upper = color(top) ?? theme.background
        let lower = color(value(cy * subRows + 1)) ?? theme.background
        buffer.set(x: x, y: y, Cell("▀", style: Style(foreground: upper, background: lower)))
      }
    }
  }

  /// Columns and sub-rows (half rows, or rows in ASCII) the grid is drawn on: the whole area,
  /// or with `preservesAspect` the largest size at which a grid point is as tall as wide (a cell
  /// is about twice as tall as wide, so a half row is square).
  func drawnSize(in area: Rect, subRows: Int) -> (width: Int, subRows: Int) {
    let fullRows = area.height * subRows
    guard preservesAspect else { return (area.width, fullRows) }
    // Physical size of the area in cell widths: width across, 2·height down.
    let scale = Swift.min(Double(area.width) / Double(columns), 2 * Double(area.height) / Double(rows))
    let width = Swift.min(area.width, Swift.max(1, Int((Double(columns) * scale).rounded())))
    let height = Swift.min(fullRows, Swift.max(1, Int((Double(rows) * scale * Double(subRows) / 2).rounded())))
    return (width, height)
  }

  /// Draws the colour bar and its labels at the right; returns the width used, or nil when the
  /// area is too narrow to spare it.
  func drawScale(into buffer: inout Buffer, area: Rect, ramp: ColorRamp, low: Double, high: Double, theme: Theme) -> Int? {
    let step = NiceTicks.niceNumber((high - low) / 10, round: true)
    let labels = [TickLabel.linear(high, step: step), TickLabel.linear((low + high) / 2, step: step), TickLabel.linear(low, step: step)]
    let labelWidth = labels.reduce(0) { Swift.max($0, $1.count) }
    let width = 1 + 2 + 1 + labelWidth
    guard area.width >= width + 4 else { return nil }
    let barX = area.right - width + 1
    let halfRows = 2 * area.height
    for cy in 0..<area.height {
      // Top of the bar is the high end; each half-row has its own colour.
      let tTop = halfRows > 1 ? 1 - Double(2 * cy) / Double(halfRows - 1) : 1
      let tBottom = halfRows > 1 ? 1 - Double(2 * cy + 1) / Double(halfRows - 1) : 0
      let upper = ramp.color(at: quantised(tTop)), lower = ramp.color(at: quantised(tBottom))
      for dx in 0..<2 {
        buffer.set(x: barX + dx, y: area.y + cy, Cell("▀", style: Style(foreground: upper, background: lower)))
      }
    }
    let labelX = barX + 3
    buffer.write(labels[0], x: labelX, y: area.y, style: theme.textStyle, maxWidth: labelWidth)
    if area.height >= 5 {
      buffer.write(labels[1], x: labelX, y: area.y + (area.height - 1) / 2, style: theme.textStyle, maxWidth: labelWidth)
    }
    if area.height >= 2 {
      buffer.write(labels[2], x: labelX, y: area.bottom - 1, style: theme.textStyle, maxWidth: labelWidth)
    }
    return width
  }

  private func quantised(_ t: Double) -> Double {
    guard let levels, levels >= 2 else { return t }
    return Double(Swift.min(levels - 1, Int(t * Double(levels)))) / Double(levels - 1)
  }
}
