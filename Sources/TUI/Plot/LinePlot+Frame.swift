extension LinePlot {
  /// Where `render(into:area:theme:)` puts the data for `area`: the braille rectangle and the x
  /// and y spans (after the nice-tick widening, in the axes' transformed coordinates) mapped onto
  /// it, so a caller can write labels at data positions. Nil when the area is too small to plot.
  public func dataFrame(in area: Rect) -> (plot: Rect, x: ClosedRange<Double>, y: ClosedRange<Double>)? {
    guard !area.isEmpty else { return nil }
    let frame = PlotRenderer(
      series: series, xAxis: xAxis, yAxis: yAxis, symbols: symbols, legend: legend,
      equalAspect: equalAspect, defaultKind: .line
    ).layout(area)
    guard !frame.plot.isEmpty, frame.x.lower < frame.x.upper, frame.y.lower < frame.y.upper else { return nil }
    return (frame.plot, frame.x.lower...frame.x.upper, frame.y.lower...frame.y.upper)
  }

  /// The column of `area` (from `dataFrame`) where x falls, nil when outside the plot.
  public func column(of x: Double, in area: Rect) -> Int? {
    guard let frame = dataFrame(in: area), let t = xAxis.transform(x), frame.x.contains(t) else { return nil }
    var f = (t - frame.x.lowerBound) / (frame.x.upperBound - frame.x.lowerBound)
    if xAxis.isReversed { f = 1 - f }
    return frame.plot.x + min(frame.plot.width - 1, Int((f * Double(frame.plot.width)).rounded(.down)))
  }
}
