/// The most recent values as bars, one column each, newest at the right, with eighth-cell
/// height resolution (▁▂▃▄▅▆▇█). Bars start at zero; negative and non-finite values show empty.
public struct Sparkline: Widget, Hashable, Sendable {
  public var values: [Double]
  /// The value of a full-height bar; nil uses the largest value shown.
  public var maximum: Double?
  /// Nil uses the theme's first series colour.
  public var color: Color?

  public init(values: [Double], maximum: Double? = nil, color: Color? = nil) {
    self.values = values
    self.maximum = maximum
    self.color = color
  }

  static let levels: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: Cell(" ", style: theme.textStyle))
    let shown = values.suffix(area.width)
    let top = maximum ?? shown.filter(\.isFinite).max() ?? 0
    guard top > 0, top.isFinite else { return }
    let style = Style(foreground: color ?? theme.seriesColor(0), background: theme.background)
    let startX = area.right - shown.count
    for (k, value) in shown.enumerated() {
      guard value.isFinite, value > 0 else { continue }
      var eighths = Int((Swift.min(value, top) / top * Double(area.height * 8)).rounded())
      var y = area.bottom - 1
      while eighths > 0, y >= area.y {
        buffer.set(x: startX + k, y: y, symbol: Sparkline.levels[Swift.min(8, eighths)], style: style)
        eighths -= 8
        y -= 1
      }
    }
  }
}
