import Foundation

/// One data point of a plot.
public struct PlotPoint: Hashable, Sendable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// A named set of points drawn in one colour. Points with a non-finite coordinate (or a
/// non-positive one on a log axis) are skipped, and a line breaks there.
public struct PlotSeries: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// Consecutive points joined by straight lines.
    case line
    /// Each point marked on its own (a small plus of dots in braille).
    case points
    /// Joined and marked: measured data with its trend.
    case lineAndPoints
  }

  public var name: String
  public var points: [PlotPoint]
  /// Nil takes the plot's kind (lines for `LinePlot`, points for `ScatterPlot`).
  public var kind: Kind?
  /// Nil takes `theme.series` by the series' position.
  public var color: Color?

  public init(_ name: String, points: [PlotPoint], kind: Kind? = nil, color: Color? = nil) {
    self.name = name
    self.points = points
    self.kind = kind
    self.color = color
  }

  /// Points from parallel arrays (the shorter length wins).
  public init(_ name: String, x: [Double], y: [Double], kind: Kind? = nil, color: Color? = nil) {
    self.init(name, points: zip(x, y).map { PlotPoint(x: $0, y: $1) }, kind: kind, color: color)
  }
}

/// One axis of a plot: its title (name and unit, e.g. "Z′ (Ω)"), scale and bounds.
public struct PlotAxis: Hashable, Sendable {
  public enum Scale: Hashable, Sendable {
    case linear
    /// Base-10 logarithmic with decade ticks; non-positive values are not drawn.
    case log10
  }

  public var title: String
  public var scale: Scale
  /// Explicit bounds; nil fits the data (linear axes widen to the nearest nice ticks, log axes
  /// to whole decades).
  public var bounds: ClosedRange<Double>?
  /// Values grow right-to-left (or top-to-bottom): XPS binding energy, for one.
  public var isReversed: Bool

  public init(_ title: String = "", scale: Scale = .linear, bounds: ClosedRange<Double>? = nil, isReversed: Bool = false) {
    self.title = title
    self.scale = scale
    self.bounds = bounds
    self.isReversed = isReversed
  }

  /// The coordinate along the axis in which it is linear (log10 of the value on a log axis).
  @inline(__always)
  func transform(_ value: Double) -> Double? {
    switch scale {
    case .linear: return value.isFinite ? value : nil
    case .log10:
      guard value.isFinite, value > 0 else { return nil }
      return Foundation.log10(value)
    }
  }
}

/// Where a plot's legend goes inside the plotting area.
public enum LegendPosition: Hashable, Sendable {
  case topRight, topLeft, bottomRight, bottomLeft, hidden
}
