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
    switch color.quantized(to: colorDepth) {
    case .terminalDefault: return -1
    case .indexed(let index): return Int32(index)
    case .rgb(let r, let g, let b):
      let value = Int32(r) << 16 | Int32(g) << 8 | Int32(b)
      // Direct-colour entries send numbers below 8 as the ANSI colours; keep near-black black.
      return value < 8 ? 8 : value
    }
  }
}
