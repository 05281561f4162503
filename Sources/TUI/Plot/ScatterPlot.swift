/// Series drawn as marked points over axes; the same axes, legend and equal-aspect mode as
/// `LinePlot`. A series can still ask for `.line` or `.lineAndPoints` (e.g. a fit over data).
public struct ScatterPlot: Widget, Hashable, Sendable {
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
      equalAspect: equalAspect, defaultKind: .points
    ).render(into: &buffer, area: area, theme: theme)
  }
}
