import CNcursesw
import TUI

/// Extended colour pairs allocated on first use, one per (foreground, background) colour
/// number. Pair 0 is the terminal default and is used when the terminal runs out of pairs.
struct ColorPairCache {
  var numbers: [PairKey: Int32] = [:]
  var capacity = 0

  struct PairKey: Hashable {
    var foreground: Int32
    var background: Int32
  }
}

extension NcursesTerminal {
  /// The extended pair for two theme colours, quantised to the terminal's depth and
  /// allocated with `init_extended_pair` the first time the combination is drawn.
  func pairNumber(foreground: Color, background: Color) -> Int32 {
    let key = ColorPairCache.PairKey(
      foreground: colorNumber(foreground), background: colorNumber(background))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let known = pairs.numbers[key] { return known }
    let next = Int32(pairs.numbers.count + 1)
    guard Int(next) < pairs.capacity else { return 0 }
    guard init_extended_pair(next, key.foreground, key.background) != gb_err() else { return 0 }
    pairs.numbers[key] = next
    return next
  }

  /// The ncurses colour number for a theme colour at this terminal's depth: -1 for the
  /// terminal's default, a palette index, or 0xRRGGBB with a direct-colour terminfo entry.
  func colorNumber(_ color: Color) -> Int32 {
    switch interimQuantized(color, to: colorDepth) {
    case .terminalDefault: return -1
    case .indexed(let index): return Int32(index)
    case .rgb(let r, let g, let b):
      let value = Int32(r) << 16 | Int32(g) << 8 | Int32(b)
      // Direct-colour entries send numbers below 8 as the ANSI colours; keep near-black black.
      return value < 8 ? 8 : value
    }
  }
}

/// Interim colour quantisation until TUI's `Color.quantized(to:)` lands (written in parallel):
/// RGB is mapped to the nearest xterm-256 cube or grey entry, or to the nearest of the 16/8
/// standard xterm colours, by squared RGB distance; indexed colours above the depth likewise.
/// Replace the call in `colorNumber` with `color.quantized(to: colorDepth)` when merging.
func interimQuantized(_ color: Color, to depth: ColorDepth) -> Color {
  switch (color, depth) {
  case (.terminalDefault, _), (_, .trueColor): return color
  case (.indexed(let index), _) where Int(index) < depth.rawValue: return color
  case (.indexed(let index), _):
    let (r, g, b) = xtermPaletteRGB(Int(index))
    return interimQuantized(.rgb(r, g, b), to: depth)
  case (.rgb(let r, let g, let b), .palette256):
    return .indexed(UInt8(nearestXterm256(r, g, b)))
  case (.rgb(let r, let g, let b), _):
    let count = depth == .sixteen ? 16 : 8
    let best = (0..<count).min { distance(xtermPaletteRGB($0), (r, g, b)) < distance(xtermPaletteRGB($1), (r, g, b)) } ?? 0
    return .indexed(UInt8(best))
  }
}

private let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

private func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
  let dr = Int(a.0) - Int(b.0)
  let dg = Int(a.1) - Int(b.1)
  let db = Int(a.2) - Int(b.2)
  return dr * dr + dg * dg + db * db
}

/// The RGB value xterm shows for a palette index (its default 16 colours, the 6×6×6 cube, the
/// 24 greys).
func xtermPaletteRGB(_ index: Int) -> (UInt8, UInt8, UInt8) {
  let ansi: [(UInt8, UInt8, UInt8)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]
  switch index {
  case 0..<16: return ansi[index]
  case 16..<232:
    let i = index - 16
    return (UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
  default:
    let grey = UInt8(8 + 10 * (min(255, index) - 232))
    return (grey, grey, grey)
  }
}

/// The xterm-256 index (16–255) nearest to an RGB colour: the closest cube entry or grey.
func nearestXterm256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
  func level(_ v: UInt8) -> Int {
    cubeLevels.indices.min { abs(cubeLevels[$0] - Int(v)) < abs(cubeLevels[$1] - Int(v)) } ?? 0
  }
  let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
  let average = (Int(r) + Int(g) + Int(b)) / 3
  let greyStep = min(23, max(0, (average - 8 + 5) / 10))
  let grey = 232 + greyStep
  return distance(xtermPaletteRGB(grey), (r, g, b)) < distance(xtermPaletteRGB(cube), (r, g, b)) ? grey : cube
}
