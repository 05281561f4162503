extension PlotRenderer {
  func drawAxes(_ frame: Frame, mapping: DotMapping, area: Rect, into buffer: inout Buffer, theme: Theme) {
    let axisStyle = Style(foreground: theme.border, background: theme.background)
    let labelStyle = theme.textStyle
    let titleStyle = Style(foreground: theme.title, background: theme.background)
    let plot = frame.plot
    let axisX = plot.x - 1
    let axisY = plot.bottom
    if frame.yTitleRow {
      buffer.writeAligned(yAxis.title, x: area.x, y: area.y, width: area.width, alignment: .left, style: titleStyle)
    }
    for y in plot.y..<plot.bottom { buffer.set(x: axisX, y: y, symbol: "│", style: axisStyle) }
    buffer.set(x: axisX, y: axisY, symbol: "└", style: axisStyle)
    for x in plot.x..<plot.right { buffer.set(x: x, y: axisY, symbol: "─", style: axisStyle) }

    var lastLabelRow = Int.min
    for tick in frame.y.ticks {
      let row = plot.y + Int(mapping.dotY(tick.position).rounded()) / symbols.dotsDown
      guard row >= plot.y, row < plot.bottom else { continue }
      buffer.set(x: axisX, y: row, symbol: "┤", style: axisStyle)
      guard row != lastLabelRow else { continue }
      buffer.writeAligned(tick.label, x: area.x, y: row, width: frame.labelWidth, alignment: .right, style: labelStyle)
      lastLabelRow = row
    }

    var labelEnd = Int.min
    // Left to right on screen, whichever way the axis runs, so labels can avoid each other.
    let columns = frame.x.ticks.map { (column: plot.x + Int(mapping.dotX($0.position).rounded()) / symbols.dotsAcross, label: $0.label) }
    for tick in columns.sorted(by: { $0.column < $1.column }) {
      let column = tick.column
      guard column >= plot.x, column < plot.right else { continue }
      buffer.set(x: column, y: axisY, symbol: "┬", style: axisStyle)
      let length = tick.label.count
      var start = column - (length - 1) / 2
      start = Swift.min(start, area.right - length)
      start = Swift.max(start, area.x)
      // Labels keep one space between them; a label that would collide is left out.
      guard start > labelEnd, axisY + 1 < area.bottom else { continue }
      labelEnd = buffer.write(tick.label, x: start, y: axisY + 1, style: labelStyle, maxWidth: area.right - start)
    }
    if frame.xTitleRow {
      buffer.writeAligned(
        xAxis.title, x: plot.x, y: axisY + 2, width: area.right - plot.x, alignment: .center, style: titleStyle)
    }
  }

  /// The legend: one row per named series, "─ name" (or the marker of points) in its colour,
  /// left out when it would cover more than the plot can spare.
  func drawLegend(in plot: Rect, into buffer: inout Buffer, theme: Theme) {
    guard legend != .hidden else { return }
    let entries = series.enumerated().filter { !$0.element.name.isEmpty }
    guard !entries.isEmpty else { return }
    let width = entries.reduce(0) { Swift.max($0, $1.element.name.count + 2) }
    guard width <= plot.width - 2, entries.count <= plot.height - 1 else { return }
    let x: Int
    let y: Int
    switch legend {
    case .topLeft, .bottomLeft: x = plot.x + 1
    default: x = plot.right - width
    }
    switch legend {
    case .bottomLeft, .bottomRight: y = plot.bottom - entries.count
    default: y = plot.y
    }
    buffer.fill(Rect(x: x, y: y, width: width, height: entries.count), with: Cell(" ", style: theme.textStyle))
    for (row, entry) in entries.enumerated() {
      let color = entry.element.color ?? theme.seriesColor(entry.offset)
      let kind = entry.element.kind ?? defaultKind
      let symbol: Character =
        symbols == .ascii
        ? GraphSymbols.asciiMarkers[entry.offset % GraphSymbols.asciiMarkers.count]
        : (kind == .line ? "─" : "•")
      buffer.set(x: x, y: y + row, symbol: symbol, style: Style(foreground: color, background: theme.background))
      buffer.write(entry.element.name, x: x + 2, y: y + row, style: theme.textStyle, maxWidth: width - 2)
    }
  }
}
