/// How the terminal can show pixels, decided once at start-up from its answers to queries
/// (`GraphicsReplies`), the environment and the user's `graphics` setting.
public struct TerminalGraphics: Equatable, Sendable {
  public enum ImageProtocol: String, Equatable, Sendable {
    case sixel
    case kitty
  }

  public var imageProtocol: ImageProtocol
  /// Pixels per cell (width, height), from TIOCGWINSZ or the CSI 16 t answer.
  public var cellWidth: Int
  public var cellHeight: Int
  /// The largest sixel image the terminal draws (XTSMGRAPHICS), nil when not reported.
  public var maxWidth: Int?
  public var maxHeight: Int?
  /// Sixel colour registers (XTSMGRAPHICS; a VT340 has 16).
  public var colorRegisters: Int

  public init(imageProtocol: ImageProtocol, cellWidth: Int, cellHeight: Int, maxWidth: Int? = nil, maxHeight: Int? = nil,
              colorRegisters: Int = 256) {
    self.imageProtocol = imageProtocol
    self.cellWidth = cellWidth
    self.cellHeight = cellHeight
    self.maxWidth = maxWidth
    self.maxHeight = maxHeight
    self.colorRegisters = colorRegisters
  }

  /// The pixel size of an area of `columns` × `rows` cells, within the terminal's limit.
  public func pixels(columns: Int, rows: Int) -> (width: Int, height: Int) {
    (Swift.min(columns * cellWidth, maxWidth ?? Int.max), Swift.min(rows * cellHeight, maxHeight ?? Int.max))
  }
}

/// The `graphics` setting of config.toml: `auto` (detect), `sixel` or `kitty` (trust the user),
/// `cells` (half-block heat maps only; `none` is accepted as the same).
public enum GraphicsSetting: String, Equatable, Sendable, CaseIterable {
  case auto
  case sixel
  case kitty
  case cells

  public init?(name: String) {
    switch name.lowercased() {
    case "none": self = .cells
    default: self.init(rawValue: name.lowercased())
    }
  }
}
