extension FieldMap {
  /// The colour bar's header (name and unit) and its end labels for a value range.
  func scaleText(low: Double, high: Double) -> (header: String, high: String, low: String) {
    let valueStep = NiceTicks.niceNumber((high - low) / 10, round: true)
    return (unit.isEmpty ? name : "\(name) \(unit)", TickLabel.linear(high, step: valueStep), TickLabel.linear(low, step: valueStep))
  }

  /// Columns the colour bar takes beside a map (a space, the two-column bar, the labels).
  public var scaleWidth: Int {
    let (low, high) = valueRange
    let (header, highLabel, lowLabel) = scaleText(low: low, high: high)
    return 1 + Swift.max(3 + Swift.max(highLabel.count, lowLabel.count), header.count)
  }

  /// The colour bar alone, in `column`: the header on the row above `top`, the bar over `rows`
  /// rows from `top` (top = the scale's high end), the high and low values beside it. For maps
  /// drawn side by side without their own bars (`drawsScale = false`) on one scale (`bounds`).
  public func renderScale(into buffer: inout Buffer, column: Rect, top: Int, rows: Int, theme: Theme) {
    guard column.width >= 3, rows >= 1, top > column.y, top + rows <= column.y + column.height else { return }
    let (low, high) = valueRange
    let (header, highLabel, lowLabel) = scaleText(low: low, high: high)
    let ramp = self.ramp ?? ColorRamp(theme: theme)
    let barX = column.x + 1
    buffer.write(header, x: barX, y: top - 1, style: theme.textStyle, maxWidth: column.width - 1)
    let halfRows = 2 * rows
    func shade(_ half: Int) -> Color {
      var t = halfRows > 1 ? 1 - Double(half) / Double(halfRows - 1) : 1
      if let levels, levels >= 2 { t = Double(Swift.min(levels - 1, Int(t * Double(levels)))) / Double(levels - 1) }
      return ramp.color(at: t)
    }
    for cy in 0..<rows {
      for dx in 0..<2 {
        buffer.set(x: barX + dx, y: top + cy, Cell("▀", style: Style(foreground: shade(2 * cy), background: shade(2 * cy + 1))))
      }
    }
    let labelWidth = column.x + column.width - (barX + 3)
    guard labelWidth > 0 else { return }
    buffer.write(highLabel, x: barX + 3, y: top, style: theme.textStyle, maxWidth: labelWidth)
    if rows >= 2 { buffer.write(lowLabel, x: barX + 3, y: top + rows - 1, style: theme.textStyle, maxWidth: labelWidth) }
  }
}
