/// One terminal cell: a single-column grapheme and its style. Every symbol Glovebox draws
/// (ASCII, box drawing, braille U+2800–U+28FF, block elements) is one column wide.
public struct Cell: Hashable, Sendable {
  public var symbol: Character
  public var style: Style

  public init(_ symbol: Character = " ", style: Style = .plain) {
    self.symbol = symbol
    self.style = style
  }

  public static let blank = Cell()
}
