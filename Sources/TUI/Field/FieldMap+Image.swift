extension FieldMap {
  /// The shown region as an RGB image for a terminal that draws pixels (sixel, kitty): the
  /// largest size within `maxWidth` × `maxHeight` pixels at the domain's true aspect ratio
  /// (square pixels), the same colours, scale and ξ = 0.5 contour as the cell drawing.
  /// Nil when nothing can be drawn (no pixels, a short `values`).
  public func image(maxWidth: Int, maxHeight: Int, theme: Theme) -> RGBImage? {
    let r = region
    let physicalWidth = Double(r.width) * spacing.x, physicalHeight = Double(r.height) * spacing.y
    guard maxWidth > 0, maxHeight > 0, values.count >= columns * rows, physicalWidth > 0, physicalHeight > 0,
      physicalWidth.isFinite, physicalHeight.isFinite
    else { return nil }
    let scale = Swift.min(Double(maxWidth) / physicalWidth, Double(maxHeight) / physicalHeight)
    let width = Swift.min(maxWidth, Swift.max(1, Int((physicalWidth * scale).rounded())))
    let height = Swift.min(maxHeight, Swift.max(1, Int((physicalHeight * scale).rounded())))
    let reduced = FieldDownsample.blockAverage(values, columns: columns, rows: rows, region: r,
                                               outputColumns: width, outputRows: height)
    guard reduced.count == width * height else { return nil }
    let contour = interface.flatMap { xi -> [Bool]? in
      guard xi.count >= columns * rows else { return nil }
      return Self.contourMask(FieldDownsample.blockAverage(xi, columns: columns, rows: rows, region: r,
                                                            outputColumns: width, outputRows: height),
                              columns: width, rows: height, level: 0.5)
    }
    let (low, high) = valueRange
    let ramp = self.ramp ?? ColorRamp(theme: theme)
    let steps = levels.map { Swift.max(2, $0) } ?? 256
    func rgb(_ color: Color) -> (UInt8, UInt8, UInt8) {
      color.rgbComponents.map { ($0.r, $0.g, $0.b) } ?? (0, 0, 0)
    }
    let table = (0..<steps).map { rgb(ramp.color(at: Double($0) / Double(steps - 1))) }
    let background = rgb(theme.background), line = rgb(interfaceColor ?? theme.text)
    var pixels = [UInt8](repeating: 0, count: width * height * 3)
    for py in 0..<height {
      // Image row 0 is the top: the field's last reduced row.
      let row = height - 1 - py
      for px in 0..<width {
        let k = row * width + px
        var c = background
        if let contour, contour[k] {
          c = line
        } else if reduced[k].isFinite {
          var t = Swift.min(1, Swift.max(0, (reduced[k] - low) / (high - low)))
          if let levels, levels >= 2 { t = Double(Swift.min(levels - 1, Int(t * Double(levels)))) / Double(levels - 1) }
          c = table[Swift.min(steps - 1, Int((t * Double(steps - 1)).rounded()))]
        }
        let i = 3 * (py * width + px)
        pixels[i] = c.0
        pixels[i + 1] = c.1
        pixels[i + 2] = c.2
      }
    }
    return RGBImage(width: width, height: height, pixels: pixels)
  }
}
