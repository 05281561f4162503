/// A terminal colour as a theme names it. `terminalDefault` leaves the terminal's own colour.
/// Quantisation to the terminal's depth happens at the backend edge (`ColorDepth`).
public enum Color: Hashable, Sendable {
  case terminalDefault
  /// An xterm palette index 0–255 (0–15 the ANSI colours).
  case indexed(UInt8)
  case rgb(UInt8, UInt8, UInt8)
}

/// How many colours the terminal can show.
public enum ColorDepth: Int, Sendable, CaseIterable, Comparable {
  case eight = 8
  case sixteen = 16
  case palette256 = 256
  case trueColor = 16_777_216

  public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
