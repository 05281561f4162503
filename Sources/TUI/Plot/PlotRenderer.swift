/// The drawing shared by `LinePlot` and `ScatterPlot`. Layout of an area:
///
///     y title                      (when the y axis has a title)
///     label ┤⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀  ─ legend
///           │⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀
///     label ┤⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀
///           └┬────┬────┬
///            0    5    10          x tick labels
///                x title
///
/// Below 6×3 cells (or when the labels leave no room) the axes go and the data fill the area.
struct PlotRenderer {
  var series: [PlotSeries]
  var xAxis: PlotAxis
  var yAxis: PlotAxis
  var symbols: GraphSymbols
  var legend: LegendPosition
  var equalAspect: Bool
  var defaultKind: PlotSeries.Kind

  struct Frame {
    var plot: Rect
    var labelWidth: Int
    var x: ResolvedAxis
    var y: ResolvedAxis
    var showsAxes: Bool
    var yTitleRow: Bool
    var xTitleRow: Bool
  }

  func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: Cell(" ", style: theme.textStyle))
    let frame = layout(area)
    guard !frame.plot.isEmpty else { return }
    var canvas = BrailleCanvas(width: frame.plot.width, height: frame.plot.height, symbols: symbols)
    let mapping = DotMapping(
      x0: frame.x.lower, x1: frame.x.upper, y0: frame.y.lower, y1: frame.y.upper,
      dotWidth: canvas.dotWidth, dotHeight: canvas.dotHeight, xReversed: xAxis.isReversed, yReversed: yAxis.isReversed)
    for (index, s) in series.enumerated() {
      draw(s, index: index, color: s.color ?? theme.seriesColor(index), on: &canvas, mapping: mapping)
    }
    if frame.showsAxes { drawAxes(frame, mapping: mapping, area: area, into: &buffer, theme: theme) }
    canvas.render(into: &buffer, area: frame.plot, background: theme.background)
    drawLegend(in: frame.plot, into: &buffer, theme: theme)
  }

  /// The extent of the finite data along each axis, in transformed coordinates.
  func dataRanges() -> (x: (min: Double, max: Double)?, y: (min: Double, max: Double)?) {
    var xmin = Double.infinity, xmax = -Double.infinity, ymin = Double.infinity, ymax = -Double.infinity
    for s in series {
      for p in s.points {
        guard let x = xAxis.transform(p.x), let y = yAxis.transform(p.y) else { continue }
        xmin = Swift.min(xmin, x)
        xmax = Swift.max(xmax, x)
        ymin = Swift.min(ymin, y)
        ymax = Swift.max(ymax, y)
      }
    }
    guard xmin <= xmax else { return (nil, nil) }
    return ((xmin, xmax), (ymin, ymax))
  }

  func layout(_ area: Rect) -> Frame {
    let data = dataRanges()
    let rawX = ResolvedAxis.rawRange(axis: xAxis, data: data.x)
    let rawY = ResolvedAxis.rawRange(axis: yAxis, data: data.y)
    let useEqual = equalAspect && xAxis.scale == .linear && yAxis.scale == .linear
    var yTitle = !yAxis.title.isEmpty
    var xTitle = !xAxis.title.isEmpty
    var plotHeight = area.height - (yTitle ? 1 : 0) - 2 - (xTitle ? 1 : 0)
    if plotHeight < 2 {
      yTitle = false
      xTitle = false
      plotHeight = area.height - 2
    }
    func resolve(width: Int, height: Int) -> (ResolvedAxis, ResolvedAxis) {
      let dotsW = width * symbols.dotsAcross, dotsH = height * symbols.dotsDown
      // About one x label per 7 columns and one y label every other row.
      let xTicks = Swift.max(2, width / 7 + 1), yTicks = Swift.max(2, height / 2 + 1)
      if useEqual {
        let (ex, ey) = ResolvedAxis.equalAspect(
          x: rawX, y: rawY,
          width: Double(dotsW - 1) / Double(symbols.dotsAcross),
          height: 2 * Double(dotsH - 1) / Double(symbols.dotsDown))
        return (ResolvedAxis.resolve(axis: xAxis, range: ex, maxTicks: xTicks, widen: false),
                ResolvedAxis.resolve(axis: yAxis, range: ey, maxTicks: yTicks, widen: false))
      }
      return (ResolvedAxis.resolve(axis: xAxis, range: rawX, maxTicks: xTicks, widen: true),
              ResolvedAxis.resolve(axis: yAxis, range: rawY, maxTicks: yTicks, widen: true))
    }
    if area.width >= 6 && plotHeight >= 1 {
      var labelWidth = 0
      for pass in 0..<3 {
        let plotWidth = area.width - labelWidth - 1
        guard plotWidth >= 2 else { break }
        let (x, y) = resolve(width: plotWidth, height: plotHeight)
        let needed = y.ticks.reduce(0) { Swift.max($0, $1.label.count) }
        // Labels wider than the room left are cut; the third pass takes what it has.
        if needed <= labelWidth || area.width - needed - 1 < 2 || pass == 2 {
          let plot = Rect(x: area.x + labelWidth + 1, y: area.y + (yTitle ? 1 : 0), width: plotWidth, height: plotHeight)
          return Frame(plot: plot, labelWidth: labelWidth, x: x, y: y, showsAxes: true, yTitleRow: yTitle, xTitleRow: xTitle)
        }
        labelWidth = needed
      }
    }
    let (x, y) = resolve(width: area.width, height: area.height)
    return Frame(plot: area, labelWidth: 0, x: x, y: y, showsAxes: false, yTitleRow: false, xTitleRow: false)
  }

  func draw(_ s: PlotSeries, index: Int, color: Color, on canvas: inout BrailleCanvas, mapping: DotMapping) {
    let kind = s.kind ?? defaultKind
    let joins = kind != .points
    let marks = kind != .line
    var previous: (Double, Double)?
    for p in s.points {
      guard let tx = xAxis.transform(p.x), let ty = yAxis.transform(p.y) else {
        previous = nil
        continue
      }
      let dx = mapping.dotX(tx), dy = mapping.dotY(ty)
      if joins {
        if let (px, py) = previous {
          if let (ax, ay, bx, by) = mapping.clip(px, py, dx, dy) {
            canvas.line(
              x0: Int(ax.rounded()), y0: Int(ay.rounded()), x1: Int(bx.rounded()), y1: Int(by.rounded()),
              color: color, marker: index)
          }
        } else if !marks, let (ax, ay, _, _) = mapping.clip(dx, dy, dx, dy) {
          // A lone point of a line (first point, or after a gap) still shows.
          canvas.set(x: Int(ax.rounded()), y: Int(ay.rounded()), color: color, marker: index)
        }
        previous = (dx, dy)
      }
      if marks, mapping.clip(dx, dy, dx, dy) != nil {
        mark(x: Int(dx.rounded()), y: Int(dy.rounded()), color: color, index: index, on: &canvas)
      }
    }
  }

  /// A point marker: a plus of five dots in braille (a single braille dot is hard to see),
  /// one dot otherwise.
  func mark(x: Int, y: Int, color: Color, index: Int, on canvas: inout BrailleCanvas) {
    canvas.set(x: x, y: y, color: color, marker: index)
    guard symbols == .braille else { return }
    canvas.set(x: x - 1, y: y, color: color, marker: index)
    canvas.set(x: x + 1, y: y, color: color, marker: index)
    canvas.set(x: x, y: y - 1, color: color, marker: index)
    canvas.set(x: x, y: y + 1, color: color, marker: index)
  }
}
