/// The part of a field grid a field map shows: a zoom level and a centre, turned into a
/// `GridRegion` that never leaves the grid. Zoom 1 shows the whole grid; zoom 2 half of it in
/// each direction (a quarter of the area); the region keeps the grid's aspect ratio.
public struct FieldViewport: Hashable, Sendable {
  /// Grid size (points).
  public var columns: Int
  public var rows: Int
  /// ≥ 1; clamped so a region keeps at least 2 points along each axis.
  public private(set) var zoom: Double
  /// Centre in grid coordinates (points; x right, y along the rows, row 0 at the bottom).
  public private(set) var centerX: Double
  public private(set) var centerY: Double

  public init(columns: Int, rows: Int) {
    self.columns = Swift.max(1, columns)
    self.rows = Swift.max(1, rows)
    zoom = 1
    centerX = Double(self.columns) / 2
    centerY = Double(self.rows) / 2
  }

  /// The largest useful zoom: a region of 2 points along the shorter axis.
  public var maximumZoom: Double { Swift.max(1, Double(Swift.min(columns, rows)) / 2) }

  /// The region shown: ⌈columns/zoom⌉ × ⌈rows/zoom⌉ points around the centre, shifted inside the grid.
  public var region: GridRegion {
    let w = Swift.min(columns, Swift.max(1, Int((Double(columns) / zoom).rounded(.up))))
    let h = Swift.min(rows, Swift.max(1, Int((Double(rows) / zoom).rounded(.up))))
    let x = Swift.min(columns - w, Swift.max(0, Int((centerX - Double(w) / 2).rounded())))
    let y = Swift.min(rows - h, Swift.max(0, Int((centerY - Double(h) / 2).rounded())))
    return GridRegion(x: x, y: y, width: w, height: h)
  }

  /// Zooms by `factor` (2 = in, 0.5 = out) about the current centre.
  public mutating func zoom(by factor: Double) {
    guard factor.isFinite, factor > 0 else { return }
    zoom = Swift.min(maximumZoom, Swift.max(1, zoom * factor))
    clampCenter()
  }

  /// Moves the centre by a fraction of the region shown (0.25 = a quarter of its width/height;
  /// positive x to the right, positive y up).
  public mutating func pan(x: Double, y: Double) {
    let r = region
    centerX += x * Double(r.width)
    centerY += y * Double(r.height)
    clampCenter()
  }

  /// Centres on a grid point (e.g. the dendrite tip) without changing the zoom.
  public mutating func center(onColumn column: Double, row: Double) {
    centerX = column
    centerY = row
    clampCenter()
  }

  /// Keeps the region inside the grid: the centre at least half a region from each edge.
  private mutating func clampCenter() {
    let halfW = Double(columns) / zoom / 2, halfH = Double(rows) / zoom / 2
    centerX = Swift.min(Double(columns) - halfW, Swift.max(halfW, centerX))
    centerY = Swift.min(Double(rows) - halfH, Swift.max(halfH, centerY))
  }
}
