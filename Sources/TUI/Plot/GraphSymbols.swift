/// How plots turn dots into characters; selectable per pane, since fonts and terminals differ.
public enum GraphSymbols: String, Hashable, Sendable, CaseIterable {
  /// Braille patterns U+2800–U+28FF: 2×4 dots per cell.
  case braille
  /// Quadrant blocks (▘▝▀▖▌▞▛▗▚▐▜▄▙▟█): 2×2 dots per cell.
  case block
  /// One dot per cell, drawn as a per-series marker (`*`, `+`, `o`, `x`, `#`, `@`), so series
  /// stay apart without colour.
  case ascii

  /// Dots per cell across.
  public var dotsAcross: Int {
    switch self {
    case .braille, .block: return 2
    case .ascii: return 1
    }
  }

  /// Dots per cell down.
  public var dotsDown: Int {
    switch self {
    case .braille: return 4
    case .block: return 2
    case .ascii: return 1
    }
  }

  /// Braille dot bits by (column, row) within a cell: dots 1–3 and 7 in the left column,
  /// 4–6 and 8 in the right (Unicode's numbering).
  static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// Quadrant bits: top-left 1, top-right 2, bottom-left 4, bottom-right 8.
  static let quadrantBits: [[UInt8]] = [[0x1, 0x4], [0x2, 0x8]]

  static let quadrants: [Character] = [" ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█"]

  /// Markers for series 1–6 in ASCII mode.
  public static let asciiMarkers: [Character] = ["*", "+", "o", "x", "#", "@"]

  /// The bit of dot (dx, dy) inside a cell.
  func bit(dx: Int, dy: Int) -> UInt8 {
    switch self {
    case .braille: return GraphSymbols.brailleBits[dx][dy]
    case .block: return GraphSymbols.quadrantBits[dx][dy]
    case .ascii: return 1
    }
  }

  /// The character for a cell's dot mask (non-zero) and the series marker index (ASCII only).
  func symbol(mask: UInt8, marker: UInt8) -> Character {
    switch self {
    case .braille:
      // U+2800 + mask is always a valid scalar (U+2800–U+28FF).
      return Character(Unicode.Scalar(0x2800 + UInt32(mask)) ?? " ")
    case .block: return GraphSymbols.quadrants[Int(mask & 0xf)]
    case .ascii: return GraphSymbols.asciiMarkers[Int(marker) % GraphSymbols.asciiMarkers.count]
    }
  }
}
