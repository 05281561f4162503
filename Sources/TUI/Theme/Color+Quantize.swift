/// Reduction of colours to what a terminal can show.
extension Color {
  /// The nearest colour the terminal can show at `depth`.
  ///
  /// Distance is the squared Euclidean distance in RGB (0–255 per channel). At 256 colours an
  /// RGB colour maps to the nearest of the 6×6×6 cube (16–231) and the grey ramp (232–255); the
  /// ANSI colours 0–15 are skipped because terminals redefine them. At 16 (8) colours RGB and
  /// palette colours map to the nearest of indices 0–15 (0–7) with xterm's default values.
  /// `terminalDefault` never changes; palette indices already within the depth stay as they are.
  public func quantized(to depth: ColorDepth) -> Color {
    switch (self, depth) {
    case (.terminalDefault, _), (_, .trueColor): return self
    case (.indexed, .palette256): return self
    case (.indexed(let i), .sixteen) where i < 16: return self
    case (.indexed(let i), .eight) where i < 8: return self
    default: break
    }
    guard let (r, g, b) = rgbComponents else { return self }
    switch depth {
    case .palette256: return .indexed(Color.nearest256(r: Int(r), g: Int(g), b: Int(b)))
    case .sixteen: return .indexed(Color.nearestANSI(r: Int(r), g: Int(g), b: Int(b), count: 16))
    case .eight: return .indexed(Color.nearestANSI(r: Int(r), g: Int(g), b: Int(b), count: 8))
    case .trueColor: return self
    }
  }

  static func distanceSquared(_ r: Int, _ g: Int, _ b: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
    let dr = r - r2, dg = g - g2, db = b - b2
    return dr * dr + dg * dg + db * db
  }

  /// The nearest cube level index for one channel (levels are not evenly spaced: 0 then 95+40k).
  static func nearestCubeLevel(_ v: Int) -> Int {
    var best = 0
    for k in 1..<cubeLevels.count where abs(cubeLevels[k] - v) < abs(cubeLevels[best] - v) { best = k }
    return best
  }

  static func nearest256(r: Int, g: Int, b: Int) -> UInt8 {
    // The cube's nearest point is found channel by channel (the metric is separable).
    let ri = nearestCubeLevel(r), gi = nearestCubeLevel(g), bi = nearestCubeLevel(b)
    let cubeDistance = distanceSquared(r, g, b, cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
    // The grey ramp's nearest point is the one nearest to the channel mean.
    let mean = Double(r + g + b) / 3
    let greyStep = Swift.min(23, Swift.max(0, Int(((mean - 8) / 10).rounded())))
    let grey = 8 + 10 * greyStep
    let greyDistance = distanceSquared(r, g, b, grey, grey, grey)
    if greyDistance < cubeDistance { return UInt8(232 + greyStep) }
    return UInt8(16 + 36 * ri + 6 * gi + bi)
  }

  static func nearestANSI(r: Int, g: Int, b: Int, count: Int) -> UInt8 {
    var best = 0
    var bestDistance = Int.max
    for i in 0..<count {
      let c = ansiRGB[i]
      let d = distanceSquared(r, g, b, Int(c.0), Int(c.1), Int(c.2))
      if d < bestDistance {
        best = i
        bestDistance = d
      }
    }
    return UInt8(best)
  }
}

extension Style {
  /// Both colours quantised to `depth`.
  public func quantized(to depth: ColorDepth) -> Style {
    Style(foreground: foreground.quantized(to: depth), background: background.quantized(to: depth), attributes: attributes)
  }
}

extension Theme {
  /// Every colour of the theme quantised to `depth`, so a backend can convert once per theme.
  public func quantized(to depth: ColorDepth) -> Theme {
    var t = self
    t.background = background.quantized(to: depth)
    t.text = text.quantized(to: depth)
    t.border = border.quantized(to: depth)
    t.borderFocused = borderFocused.quantized(to: depth)
    t.title = title.quantized(to: depth)
    t.selection = selection.quantized(to: depth)
    t.hintKey = hintKey.quantized(to: depth)
    t.error = error.quantized(to: depth)
    t.warning = warning.quantized(to: depth)
    t.ok = ok.quantized(to: depth)
    t.series = series.map { $0.quantized(to: depth) }
    t.heatmapLow = heatmapLow.quantized(to: depth)
    t.heatmapMid = heatmapMid.quantized(to: depth)
    t.heatmapHigh = heatmapHigh.quantized(to: depth)
    return t
  }
}
