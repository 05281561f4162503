/// A horizontal progress bar with a centred label; the filled part has eighth-cell resolution
/// (▏▎▍▌▋▊▉█), and label characters over the filled part are drawn in reverse.
public struct Gauge: Widget, Hashable, Sendable {
  /// Fraction done, clamped to 0…1 (NaN counts as 0).
  public var ratio: Double
  /// Nil shows the percentage, rounded ("42%").
  public var label: String?
  /// Nil uses the theme's first series colour.
  public var color: Color?

  public init(ratio: Double, label: String? = nil, color: Color? = nil) {
    self.ratio = ratio
    self.label = label
    self.color = color
  }

  static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  var clampedRatio: Double { ratio.isNaN ? 0 : Swift.min(1, Swift.max(0, ratio)) }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let fill = color ?? theme.seriesColor(0)
    let empty = theme.textStyle
    let bar = Style(foreground: fill, background: theme.background)
    buffer.fill(area, with: Cell(" ", style: empty))
    let eighths = Int((clampedRatio * Double(area.width * 8)).rounded())
    let full = eighths / 8
    let partial = eighths % 8
    for y in area.y..<area.bottom {
      for k in 0..<full { buffer.set(x: area.x + k, y: y, symbol: "█", style: bar) }
      if partial > 0 { buffer.set(x: area.x + full, y: y, symbol: Gauge.partials[partial - 1], style: bar) }
    }
    let text = (label ?? "\(Int((clampedRatio * 100).rounded()))%").ellipsized(toWidth: area.width)
    let start = area.x + HorizontalAlignment.center.offset(length: text.count, width: area.width)
    let y = area.y + (area.height - 1) / 2
    for (k, ch) in text.enumerated() {
      let x = start + k
      let style = x - area.x < full ? Style(foreground: theme.background, background: fill) : empty
      buffer.set(x: x, y: y, symbol: ch, style: style)
    }
  }
}
