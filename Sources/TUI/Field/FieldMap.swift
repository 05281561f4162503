import Foundation

/// A simulation field drawn as a heat map at the domain's true aspect ratio: each cell shows
/// two grid blocks with the upper half block "▀" (a half cell is about square), the ξ = 0.5
/// interface drawn over it, a colour bar with the field's name, unit and range at the right and
/// axes in µm at the left and bottom. A viewport selects a region (zoom and pan); the region is
/// reduced to the cells by `FieldDownsample.blockAverage`. Row 0 of the grid is the bottom
/// (y grows upwards, as in the VTK snapshot).
public struct FieldMap: Widget, Sendable {
  /// Row-major values, `columns` per row, row 0 at y = origin.y (drawn at the bottom).
  public var values: [Double]
  public var columns: Int
  public var rows: Int
  /// Grid spacing and origin in metres (labels are in µm).
  public var spacing: (x: Double, y: Double)
  public var origin: (x: Double, y: Double)
  /// Shown above the colour bar, e.g. "ξ" and "" or "c" and "mol/m³".
  public var name: String
  public var unit: String
  /// The order parameter ξ on the same grid, for the ξ = 0.5 contour; nil draws no contour.
  public var interface: [Double]?
  /// The region shown; nil shows the whole grid.
  public var viewport: FieldViewport?
  /// Colour scale ends; nil uses the finite min and max of the whole field (so colours do not
  /// shift while zooming).
  public var bounds: ClosedRange<Double>?
  /// Quantises the colours (fewer colours, fewer bytes per frame over SSH).
  public var levels: Int?
  public var ramp: ColorRamp?
  /// The contour's colour; nil uses the theme's text colour.
  public var interfaceColor: Color?
  /// False leaves the map's cells blank (axes and colour bar still drawn) for an image drawn
  /// over them (`mapCells`, `image`).
  public var drawsMap = true
  /// False leaves out the colour bar (maps side by side on one scale share the last one's).
  public var drawsScale = true

  public init(values: [Double], columns: Int, rows: Int, spacing: (x: Double, y: Double),
              origin: (x: Double, y: Double) = (0, 0), name: String, unit: String, interface: [Double]? = nil,
              viewport: FieldViewport? = nil, bounds: ClosedRange<Double>? = nil, levels: Int? = nil,
              ramp: ColorRamp? = nil, interfaceColor: Color? = nil) {
    self.values = values
    self.columns = columns
    self.rows = rows
    self.spacing = spacing
    self.origin = origin
    self.name = name
    self.unit = unit
    self.interface = interface
    self.viewport = viewport
    self.bounds = bounds
    self.levels = levels
    self.ramp = ramp
    self.interfaceColor = interfaceColor
  }

  /// The region drawn.
  public var region: GridRegion {
    viewport?.region ?? GridRegion(x: 0, y: 0, width: columns, height: rows)
  }

  /// The colour scale's ends: `bounds`, else the field's finite range (a flat field gets ±0.5).
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

  /// Cells across and half-cell rows down that the region takes in a `width` × `height` cell
  /// area at its true aspect ratio (a half cell is square): the largest that fits.
  public func drawnSize(width: Int, height: Int) -> (columns: Int, subRows: Int) {
    let r = region
    let physicalWidth = Double(r.width) * spacing.x, physicalHeight = Double(r.height) * spacing.y
    guard width > 0, height > 0, physicalWidth > 0, physicalHeight > 0, physicalWidth.isFinite, physicalHeight.isFinite else {
      return (0, 0)
    }
    let scale = Swift.min(Double(width) / physicalWidth, Double(2 * height) / physicalHeight)
    return (Swift.min(width, Swift.max(1, Int((physicalWidth * scale).rounded()))),
            Swift.min(2 * height, Swift.max(1, Int((physicalHeight * scale).rounded()))))
  }

  static func micrometres(_ metres: Double, step: Double) -> String { TickLabel.linear(metres * 1e6, step: step * 1e6) }

  /// Where the parts of the map go in an area: the labels, the colour bar and the cells the
  /// map itself takes (`width` columns, `subRows` half rows from `mapArea`'s top-left).
  struct Layout {
    var mapArea: Rect
    var width: Int
    var subRows: Int
    var showsAxes: Bool
    var showsScale: Bool
    var yLabels: (top: String, bottom: String)
    var yLabelWidth: Int
    var xLabels: (left: String, right: String)
    var header: String
    var scaleWidth: Int
    var scaleLabels: (high: String, low: String)
  }

  func layout(in area: Rect) -> Layout? {
    guard !area.isEmpty, columns > 0, rows > 0, values.count >= columns * rows else { return nil }
    let r = region
    let (low, high) = valueRange
    // Axis labels (µm) of the region's first and last points.
    let x0 = origin.x + Double(r.x) * spacing.x, x1 = origin.x + Double(r.x + r.width - 1) * spacing.x
    let y0 = origin.y + Double(r.y) * spacing.y, y1 = origin.y + Double(r.y + r.height - 1) * spacing.y
    let xStep = NiceTicks.niceNumber(Swift.max(abs(x1 - x0), spacing.x) / 10, round: true)
    let yStep = NiceTicks.niceNumber(Swift.max(abs(y1 - y0), spacing.y) / 10, round: true)
    let yLabels = (top: Self.micrometres(y1, step: yStep), bottom: Self.micrometres(y0, step: yStep))
    let yLabelWidth = Swift.max(yLabels.top.count, yLabels.bottom.count)

    // Colour bar: the header (name, unit), then the bar with the max and min beside it.
    let (header, highLabel, lowLabel) = scaleText(low: low, high: high)
    let scaleWidth = self.scaleWidth
    let showsAxes = area.height >= 3 && area.width >= yLabelWidth + 1 + 4
    let showsScale = drawsScale && area.height >= 3 && area.width >= scaleWidth + (showsAxes ? yLabelWidth + 1 : 0) + 4
    // Left: y labels; bottom: x labels; top: the scale's header; right: the scale.
    var mapArea = area
    if showsAxes {
      mapArea.x += yLabelWidth + 1
      mapArea.width -= yLabelWidth + 1
      mapArea.height -= 1
    }
    if showsScale {
      mapArea.width -= scaleWidth
      mapArea.y += 1
      mapArea.height -= 1
    }
    guard !mapArea.isEmpty else { return nil }
    let (width, subRows) = drawnSize(width: mapArea.width, height: mapArea.height)
    guard width > 0, subRows > 0 else { return nil }
    return Layout(mapArea: mapArea, width: width, subRows: subRows, showsAxes: showsAxes, showsScale: showsScale,
                  yLabels: yLabels, yLabelWidth: yLabelWidth,
                  xLabels: (Self.micrometres(x0, step: xStep), Self.micrometres(x1, step: xStep) + " µm"),
                  header: header, scaleWidth: scaleWidth, scaleLabels: (highLabel, lowLabel))
  }

  /// The cells the map itself covers in `area` (for an image drawn in its place), nil when
  /// nothing would be drawn.
  public func mapCells(in area: Rect) -> Rect? {
    guard let l = layout(in: area) else { return nil }
    return Rect(x: l.mapArea.x, y: l.mapArea.y, width: l.width, height: (l.subRows + 1) / 2)
  }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: Cell(" ", style: theme.textStyle))
    guard let layout = layout(in: area) else { return }
    let r = region
    let (low, high) = valueRange
    let ramp = self.ramp ?? ColorRamp(theme: theme)
    let mapArea = layout.mapArea, width = layout.width, subRows = layout.subRows
    let cellRows = (subRows + 1) / 2

    let reduced = FieldDownsample.blockAverage(values, columns: columns, rows: rows, region: r,
                                               outputColumns: width, outputRows: subRows)
    let contour = interface.flatMap { xi -> [Bool]? in
      guard xi.count >= columns * rows else { return nil }
      let reducedXi = FieldDownsample.blockAverage(xi, columns: columns, rows: rows, region: r,
                                                   outputColumns: width, outputRows: subRows)
      return Self.contourMask(reducedXi, columns: width, rows: subRows, level: 0.5)
    }
    let steps = levels.map { Swift.max(2, $0) } ?? 256
    let table = (0..<steps).map { ramp.color(at: Double($0) / Double(steps - 1)) }
    let lineColor = interfaceColor ?? theme.text
    // Sub-row s (0 = top) shows reduced row subRows − 1 − s (row 0 is the bottom of the field).
    func color(_ s: Int, _ x: Int) -> Color {
      guard s < subRows else { return theme.background }
      let k = (subRows - 1 - s) * width + x
      if let contour, contour[k] { return lineColor }
      let v = reduced[k]
      guard v.isFinite else { return theme.background }
      var t = Swift.min(1, Swift.max(0, (v - low) / (high - low)))
      if let levels, levels >= 2 { t = Double(Swift.min(levels - 1, Int(t * Double(levels)))) / Double(levels - 1) }
      return table[Swift.min(steps - 1, Int((t * Double(steps - 1)).rounded()))]
    }
    for cy in 0..<(drawsMap ? cellRows : 0) {
      for cx in 0..<width {
        buffer.set(x: mapArea.x + cx, y: mapArea.y + cy,
                   Cell("▀", style: Style(foreground: color(2 * cy, cx), background: color(2 * cy + 1, cx))))
      }
    }
    let mapBottom = mapArea.y + cellRows - 1
    let yLabels = layout.yLabels, yLabelWidth = layout.yLabelWidth
    if layout.showsAxes {
      let labelX = mapArea.x - yLabelWidth - 1
      buffer.write(String(repeating: " ", count: yLabelWidth - yLabels.top.count) + yLabels.top, x: labelX, y: mapArea.y,
                   style: theme.textStyle)
      if cellRows >= 2 {
        buffer.write(String(repeating: " ", count: yLabelWidth - yLabels.bottom.count) + yLabels.bottom, x: labelX,
                     y: mapBottom, style: theme.textStyle)
      }
      let (left, right) = layout.xLabels
      buffer.write(left, x: mapArea.x, y: mapBottom + 1, style: theme.textStyle)
      if width >= left.count + 1 + right.count {
        buffer.write(right, x: mapArea.x + width - right.count, y: mapBottom + 1, style: theme.textStyle)
      }
    }
    if layout.showsScale {
      let (header, scaleWidth) = (layout.header, layout.scaleWidth)
      let (highLabel, lowLabel) = layout.scaleLabels
      let barX = mapArea.x + width + 1
      buffer.write(header, x: barX, y: mapArea.y - 1, style: theme.textStyle, maxWidth: scaleWidth - 1)
      let halfRows = 2 * cellRows
      for cy in 0..<cellRows {
        func shade(_ half: Int) -> Color {
          var t = halfRows > 1 ? 1 - Double(half) / Double(halfRows - 1) : 1
          if let levels, levels >= 2 { t = Double(Swift.min(levels - 1, Int(t * Double(levels)))) / Double(levels - 1) }
          return ramp.color(at: t)
        }
        for dx in 0..<2 {
          buffer.set(x: barX + dx, y: mapArea.y + cy, Cell("▀", style: Style(foreground: shade(2 * cy), background: shade(2 * cy + 1))))
        }
      }
      buffer.write(highLabel, x: barX + 3, y: mapArea.y, style: theme.textStyle)
      if cellRows >= 2 { buffer.write(lowLabel, x: barX + 3, y: mapBottom, style: theme.textStyle) }
    }
  }

  /// The points on the metal side of a level set: value ≥ level with a 4-neighbour below it
  /// (a line one point thick along the contour; non-finite points are never marked).
  public static func contourMask(_ values: [Double], columns: Int, rows: Int, level: Double) -> [Bool] {
    var mask = [Bool](repeating: false, count: values.count)
    guard values.count >= columns * rows else { return mask }
    for y in 0..<rows {
      for x in 0..<columns {
        let v = values[y * columns + x]
        guard v.isFinite, v >= level else { continue }
        func below(_ nx: Int, _ ny: Int) -> Bool {
          guard nx >= 0, nx < columns, ny >= 0, ny < rows else { return false }
          let n = values[ny * columns + nx]
          return n.isFinite && n < level
        }
        mask[y * columns + x] = below(x - 1, y) || below(x + 1, y) || below(x, y - 1) || below(x, y + 1)
      }
    }
    return mask
  }
}
