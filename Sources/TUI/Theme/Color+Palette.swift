/// The xterm palette, used to turn indexed colours into RGB (for interpolation) and RGB into the
/// nearest index (quantisation). Indices 0–15 are xterm's default ANSI colours; 16–231 the
/// 6×6×6 cube with channel levels 0, 95, 135, 175, 215, 255; 232–255 the grey ramp 8, 18, …, 238.
extension Color {
  /// xterm's default RGB values of the 16 ANSI colours.
  static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
    (0x00, 0x00, 0x00), (0xcd, 0x00, 0x00), (0x00, 0xcd, 0x00), (0xcd, 0xcd, 0x00),
    (0x00, 0x00, 0xee), (0xcd, 0x00, 0xcd), (0x00, 0xcd, 0xcd), (0xe5, 0xe5, 0xe5),
    (0x7f, 0x7f, 0x7f), (0xff, 0x00, 0x00), (0x00, 0xff, 0x00), (0xff, 0xff, 0x00),
    (0x5c, 0x5c, 0xff), (0xff, 0x00, 0xff), (0x00, 0xff, 0xff), (0xff, 0xff, 0xff),
  ]

  /// The six channel levels of the xterm colour cube.
  static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  /// The names theme files may use for the 16 ANSI colours, by index.
  public static let ansiNames: [String] = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright-black", "bright-red", "bright-green", "bright-yellow",
    "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
  ]

  /// The RGB value of a palette index as xterm shows it by default.
  public static func rgbOfPaletteIndex(_ index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
    let i = Int(index)
    if i < 16 {
      let c = ansiRGB[i]
      return (c.0, c.1, c.2)
    }
    if i < 232 {
      let n = i - 16
      return (UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[(n / 6) % 6]), UInt8(cubeLevels[n % 6]))
    }
    let grey = UInt8(8 + 10 * (i - 232))
    return (grey, grey, grey)
  }

  /// The colour as RGB, or nil for the terminal default (whose value is unknown).
  public var rgbComponents: (r: UInt8, g: UInt8, b: UInt8)? {
    switch self {
    case .terminalDefault: return nil
    case .indexed(let i): return Color.rgbOfPaletteIndex(i)
    case .rgb(let r, let g, let b): return (r, g, b)
    }
  }
}
