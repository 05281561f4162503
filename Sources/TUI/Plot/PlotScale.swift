import Foundation

/// One axis resolved for drawing: its range in transformed coordinates (log10 on log axes) and
/// its ticks with labels.
struct ResolvedAxis {
  var lower: Double
  var upper: Double
  var ticks: [(position: Double, label: String)]

  /// The data range of an axis: explicit bounds, else the finite data; widened when empty.
  static func rawRange(axis: PlotAxis, data: (min: Double, max: Double)?) -> (Double, Double) {
    if let bounds = axis.bounds, let lo = axis.transform(bounds.lowerBound), let hi = axis.transform(bounds.upperBound), hi > lo {
      return (lo, hi)
    }
    guard let data else { return (0, 1) }
    if data.max > data.min { return (data.min, data.max) }
    let pad = axis.scale == .log10 ? 0.5 : (data.min == 0 ? 1 : abs(data.min) * 0.1)
    return (data.min - pad, data.max + pad)
  }

  /// Resolves an axis; `widen` rounds automatic bounds out to ticks (linear) or decades (log).
  static func resolve(axis: PlotAxis, range: (Double, Double), maxTicks: Int, widen: Bool) -> ResolvedAxis {
    var (lo, hi) = range
    switch axis.scale {
    case .linear:
      if widen && axis.bounds == nil {
        let loose = NiceTicks.looseBounds(min: lo, max: hi, maxCount: maxTicks)
        lo = loose.lowerBound
        hi = loose.upperBound
      }
      let (values, step) = NiceTicks.linear(min: lo, max: hi, maxCount: maxTicks)
      return ResolvedAxis(lower: lo, upper: hi, ticks: values.map { ($0, TickLabel.linear($0, step: step)) })
    case .log10:
      if widen && axis.bounds == nil {
        lo = (lo + 1e-9).rounded(.down)
        hi = (hi - 1e-9).rounded(.up)
        if hi <= lo { hi = lo + 1 }
      }
      let values = NiceTicks.logarithmic(min: pow(10, lo), max: pow(10, hi), maxCount: maxTicks)
      return ResolvedAxis(lower: lo, upper: hi, ticks: values.map { (log10($0), TickLabel.logarithmic($0)) })
    }
  }

  /// Widens the two ranges about their centres so that one data unit is as long on screen
  /// across as down. `width` and `height` are the physical lengths of the ranges in cell widths
  /// (a terminal cell is about twice as tall as wide, so `height` counts rows twice).
  static func equalAspect(x: (Double, Double), y: (Double, Double), width: Double, height: Double)
    -> ((Double, Double), (Double, Double))
  {
    let xSpan = x.1 - x.0, ySpan = y.1 - y.0
    guard width > 0, height > 0, xSpan > 0, ySpan > 0 else { return (x, y) }
    let scale = Swift.min(width / xSpan, height / ySpan)
    let newX = width / scale, newY = height / scale
    let cx = (x.0 + x.1) / 2, cy = (y.0 + y.1) / 2
    return ((cx - newX / 2, cx + newX / 2), (cy - newY / 2, cy + newY / 2))
  }
}

/// Maps transformed data coordinates to dots of a canvas.
struct DotMapping {
  var x0: Double, x1: Double, y0: Double, y1: Double
  var dotWidth: Int, dotHeight: Int
  var xReversed = false, yReversed = false

  /// Fractional dot column; the range's ends fall on the centres of the first and last dot.
  @inline(__always) func dotX(_ x: Double) -> Double {
    (xReversed ? x1 - x : x - x0) / (x1 - x0) * Double(dotWidth - 1)
  }
  /// Fractional dot row, growing downwards.
  @inline(__always) func dotY(_ y: Double) -> Double {
    (yReversed ? y - y0 : y1 - y) / (y1 - y0) * Double(dotHeight - 1)
  }

  /// Clips the segment to the dot grid (Liang–Barsky); nil when it lies outside or an end is
  /// not finite (a range too wide for Double arithmetic).
  func clip(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> (Double, Double, Double, Double)? {
    guard ax.isFinite, ay.isFinite, bx.isFinite, by.isFinite else { return nil }
    let xmax = Double(dotWidth - 1) + 0.49, ymax = Double(dotHeight - 1) + 0.49
    let xmin = -0.49, ymin = -0.49
    let dx = bx - ax, dy = by - ay
    var t0 = 0.0, t1 = 1.0
    guard DotMapping.clipEdge(-dx, ax - xmin, &t0, &t1), DotMapping.clipEdge(dx, xmax - ax, &t0, &t1),
      DotMapping.clipEdge(-dy, ay - ymin, &t0, &t1), DotMapping.clipEdge(dy, ymax - ay, &t0, &t1)
    else { return nil }
    return (ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy)
  }

  /// One Liang–Barsky edge test: narrows [t0, t1]; false when the segment is outside.
  @inline(__always)
  static func clipEdge(_ p: Double, _ q: Double, _ t0: inout Double, _ t1: inout Double) -> Bool {
    if p == 0 { return q >= 0 }
    let r = q / p
    if p < 0 {
      if r > t1 { return false }
      if r > t0 { t0 = r }
    } else {
      if r < t0 { return false }
      if r < t1 { t1 = r }
    }
    return true
  }
}
