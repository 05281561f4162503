/// A colour scale low → mid → high, interpolated linearly in RGB: t ∈ [0, ½] blends low into
/// mid, t ∈ [½, 1] mid into high. Palette colours interpolate through their xterm RGB values;
/// the terminal default colour cannot be blended and snaps to the nearer stop.
public struct ColorRamp: Hashable, Sendable {
  public var low: Color
  public var mid: Color
  public var high: Color

  public init(low: Color, mid: Color, high: Color) {
    self.low = low
    self.mid = mid
    self.high = high
  }

  /// The theme's heat-map colours.
  public init(theme: Theme) {
    self.init(low: theme.heatmapLow, mid: theme.heatmapMid, high: theme.heatmapHigh)
  }

  /// The colour at `t` (clamped to 0…1; NaN gives `low`).
  public func color(at t: Double) -> Color {
    let t = t.isNaN ? 0 : Swift.min(1, Swift.max(0, t))
    if t <= 0.5 { return ColorRamp.blend(low, mid, 2 * t) }
    return ColorRamp.blend(mid, high, 2 * t - 1)
  }

  static func blend(_ a: Color, _ b: Color, _ f: Double) -> Color {
    if f <= 0 { return a }
    if f >= 1 { return b }
    guard let ca = a.rgbComponents, let cb = b.rgbComponents else { return f < 0.5 ? a : b }
    func channel(_ x: UInt8, _ y: UInt8) -> UInt8 {
      UInt8((Double(x) + (Double(y) - Double(x)) * f).rounded())
    }
    return .rgb(channel(ca.r, cb.r), channel(ca.g, cb.g), channel(ca.b, cb.b))
  }
}
