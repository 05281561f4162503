/// Series drawn as lines over axes with nice-number (or decade) ticks, a legend and titles.
/// `equalAspect` makes one data unit equally long across and down (a Nyquist plot needs this;
/// a cell counts as twice as tall as wide) and applies when both axes are linear.
public struct LinePlot: Widget, Hashable, Sendable {
  public var series: [PlotSeries]
  public var xAxis: PlotAxis
  public var yAxis: PlotAxis
  public var symbols: GraphSymbols
  public var legend: LegendPosition
  public var equalAspect: Bool

  public init(
    series: [PlotSeries], xAxis: PlotAxis = PlotAxis(), yAxis: PlotAxis = PlotAxis(),
    symbols: GraphSymbols = .braille, legend: LegendPosition = .topRight, equalAspect: Bool = false
  ) {
    self.series = series
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.symbols = symbols
    self.legend = legend
    self.equalAspect = equalAspect
  }

  public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
    PlotRenderer(
      series: series, xAxis: xAxis, yAxis: yAxis, symbols: symbols, legend: legend,
      equalAspect: equalAspect, defaultKind: .line
    ).render(into: &buffer, area: area, theme: theme)
  }
}
