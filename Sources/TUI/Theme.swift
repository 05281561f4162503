/// The semantic colours of the workbench. Theme files (`Themes/*.toml`) name these keys:
/// background, text, border, border.focused, title, selection, hint.key, error, warning, ok,
/// series.1–6, heatmap.low/mid/high. A missing key falls back to `Theme.dark`.
public struct Theme: Hashable, Sendable {
  public var name: String
  public var background: Color
  public var text: Color
  public var border: Color
  public var borderFocused: Color
  public var title: Color
  public var selection: Color
  public var hintKey: Color
  public var error: Color
  public var warning: Color
  public var ok: Color
  /// Colours of plot series 1–6, in order.
  public var series: [Color]
  public var heatmapLow: Color
  public var heatmapMid: Color
  public var heatmapHigh: Color

  public init(
    name: String, background: Color, text: Color, border: Color, borderFocused: Color, title: Color,
    selection: Color, hintKey: Color, error: Color, warning: Color, ok: Color, series: [Color],
    heatmapLow: Color, heatmapMid: Color, heatmapHigh: Color
  ) {
    self.name = name
    self.background = background
    self.text = text
    self.border = border
    self.borderFocused = borderFocused
    self.title = title
    self.selection = selection
    self.hintKey = hintKey
    self.error = error
    self.warning = warning
    self.ok = ok
    self.series = series
    self.heatmapLow = heatmapLow
    self.heatmapMid = heatmapMid
    self.heatmapHigh = heatmapHigh
  }

  /// The colour of series `index` (0-based), cycling through the six.
  public func seriesColor(_ index: Int) -> Color {
    series.isEmpty ? text : series[((index % series.count) + series.count) % series.count]
  }

  /// The plain text style on the theme's background.
  public var textStyle: Style { Style(foreground: text, background: background) }

  /// The default theme: light text on a dark background.
  public static let dark = Theme(
    name: "dark",
    background: .rgb(0x1c, 0x1f, 0x26), text: .rgb(0xd8, 0xdc, 0xe3), border: .rgb(0x5a, 0x61, 0x6e),
    borderFocused: .rgb(0x61, 0xaf, 0xef), title: .rgb(0xe5, 0xc0, 0x7b), selection: .rgb(0x3a, 0x44, 0x58),
    hintKey: .rgb(0x61, 0xaf, 0xef), error: .rgb(0xe0, 0x6c, 0x75), warning: .rgb(0xe5, 0xc0, 0x7b),
    ok: .rgb(0x98, 0xc3, 0x79),
    series: [
      .rgb(0x61, 0xaf, 0xef), .rgb(0xe0, 0x6c, 0x75), .rgb(0x98, 0xc3, 0x79),
      .rgb(0xe5, 0xc0, 0x7b), .rgb(0xc6, 0x78, 0xdd), .rgb(0x56, 0xb6, 0xc2),
    ],
    heatmapLow: .rgb(0x1b, 0x1f, 0x5e), heatmapMid: .rgb(0xc0, 0x3a, 0x6b), heatmapHigh: .rgb(0xf9, 0xe2, 0x6b)
  )
}
