/// Encodes an RGB image as DEC sixel graphics (VT330/VT340 "Sixel Graphics", as xterm, foot,
/// WezTerm, mlterm and VS Code implement it), returned as one escape-sequence string:
///
///     ESC P 0;1;0 q                 DCS: P1 = 0 (aspect from the raster attributes), P2 = 1
///                                   (pixels not painted keep the background), P3 = 0
///     " 1;1;W;H                     raster attributes: pixel aspect 1:1, image W × H
///     # i;2;R;G;B  (each colour)    colour register i in RGB, each 0–100 % (round(c·100/255))
///     per band of 6 pixel rows:
///       # i  <sixel chars>  $       colour i's pixels of the band, then carriage return;
///                                   a sixel char is 0x3F + bits, bit k = pixel row k of the
///                                   band (bit 0 at the top), one char per column; runs of
///                                   more than 3 equal chars are written "!n<char>"; trailing
///                                   empty columns ('?') are left out; the last colour of a
///                                   band has no '$'
///       -                           next band (not after the last)
///     ESC \                         string terminator
///
/// Colours are registers in order of first appearance (left to right, top to bottom). An
/// image with more distinct colours than `maxColors` (a VT340 has 16 registers; xterm's
/// default for `-ti vt340` is 16, others 256) is first reduced to an n×n×n RGB cube with
/// n³ ≤ maxColors (each channel to the nearest of n evenly spaced levels); a field map with
/// `levels` ≤ maxColors never needs it.
public enum SixelEncoder {
  public static func encode(_ image: RGBImage, maxColors: Int = 256) -> String {
    let (palette, indices) = palettise(image, maxColors: Swift.max(2, Swift.min(256, maxColors)))
    var out = "\u{1B}P0;1;0q\"1;1;\(image.width);\(image.height)"
    for (i, c) in palette.enumerated() {
      out += "#\(i);2;\(percent(c.0));\(percent(c.1));\(percent(c.2))"
    }
    let bands = (image.height + 5) / 6
    var bits = [UInt8](repeating: 0, count: image.width)
    for band in 0..<bands {
      if band > 0 { out += "-" }
      let top = band * 6, bottom = Swift.min(image.height, top + 6)
      // Colours of this band, in palette order.
      var present = [Bool](repeating: false, count: palette.count)
      for y in top..<bottom { for x in 0..<image.width { present[Int(indices[y * image.width + x])] = true } }
      let colours = present.indices.filter { present[$0] }
      for (n, colour) in colours.enumerated() {
        for x in 0..<image.width { bits[x] = 0 }
        for y in top..<bottom {
          for x in 0..<image.width where Int(indices[y * image.width + x]) == colour { bits[x] |= 1 << UInt8(y - top) }
        }
        var last = image.width
        while last > 0, bits[last - 1] == 0 { last -= 1 }
        out += "#\(colour)"
        var x = 0
        while x < last {
          var run = 1
          while x + run < last, bits[x + run] == bits[x] { run += 1 }
          let symbol = Character(Unicode.Scalar(0x3F + bits[x]))
          out += run > 3 ? "!\(run)\(symbol)" : String(repeating: symbol, count: run)
          x += run
        }
        if n < colours.count - 1 { out += "$" }
      }
    }
    return out + "\u{1B}\\"
  }

  /// 0–255 → 0–100 %, rounded half up.
  static func percent(_ c: UInt8) -> Int { (Int(c) * 100 + 127) / 255 }

  /// The palette (first appearance order) and each pixel's register.
  static func palettise(_ image: RGBImage, maxColors: Int) -> (palette: [(UInt8, UInt8, UInt8)], indices: [UInt8]) {
    if let exact = exactPalette(image.pixels, limit: maxColors) { return exact }
    var levels = 2
    while (levels + 1) * (levels + 1) * (levels + 1) <= maxColors { levels += 1 }
    let n = levels
    func quantise(_ c: UInt8) -> UInt8 {
      let k = (Int(c) * (n - 1) * 2 + 255) / 510  // nearest of n levels
      return UInt8((k * 255 + (n - 1) / 2) / (n - 1))
    }
    let reduced = image.pixels.map(quantise)
    return exactPalette(reduced, limit: 256) ?? ([], [])
  }

  static func exactPalette(_ pixels: [UInt8], limit: Int) -> (palette: [(UInt8, UInt8, UInt8)], indices: [UInt8])? {
    var palette: [(UInt8, UInt8, UInt8)] = []
    var lookup: [UInt32: UInt8] = [:]
    var indices = [UInt8]()
    indices.reserveCapacity(pixels.count / 3)
    var i = 0
    while i + 2 < pixels.count {
      let key = UInt32(pixels[i]) << 16 | UInt32(pixels[i + 1]) << 8 | UInt32(pixels[i + 2])
      if let index = lookup[key] {
        indices.append(index)
      } else {
        guard palette.count < limit else { return nil }
        let index = UInt8(palette.count)
        lookup[key] = index
        palette.append((pixels[i], pixels[i + 1], pixels[i + 2]))
        indices.append(index)
      }
      i += 3
    }
    return (palette, indices)
  }
}
