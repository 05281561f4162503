/// An image a pane wants shown over a rectangle of cells (which the pane leaves blank in its
/// Buffer, so the cell diff never writes over the pixels).
public struct ImagePlacement: Equatable, Sendable {
  public var area: Rect
  public var image: RGBImage

  public init(area: Rect, image: RGBImage) {
    self.area = area
    self.image = image
  }
}

/// What the terminal must do to go from the images shown to the ones wanted.
public enum ImageCommand: Equatable, Sendable {
  /// Throw away what the screen shows on these cell rows and redraw them from the last frame
  /// (removes sixel pixels: text written over them replaces them).
  case redrawRows(Range<Int>)
  /// Write an escape sequence with the cursor at cell (x, y), then put the cursor back.
  case write(String, x: Int, y: Int)
}

/// A terminal that can take `ImageCommand`s (the ncurses backend; a memory one in tests).
public protocol TerminalImageOutput: AnyObject {
  func perform(_ commands: [ImageCommand])
}

/// The images on screen, and the commands that change them: nothing while the wanted images
/// equal the shown ones (0 bytes while a run does not change); otherwise the old ones are
/// removed (kitty: delete by id; sixel: the rows they covered redrawn from the cells) and the
/// new ones drawn. An overlay, a pane switch or a resize makes the wanted list empty or
/// different, so images never stay over something else.
public struct ImageLayer: Sendable {
  public private(set) var shown: [ImagePlacement] = []

  public init() {}

  /// Forget what is shown (the screen was cleared: Ctrl-L, a resize), so the next update
  /// draws everything again.
  public mutating func reset() { shown = [] }

  /// kitty image ids of the placements: 1, 2, … in order.
  static func kittyID(_ index: Int) -> UInt32 { UInt32(clamping: index + 1) }

  public mutating func update(_ wanted: [ImagePlacement], graphics: TerminalGraphics?) -> [ImageCommand] {
    guard let graphics else {
      defer { shown = [] }
      return shown.isEmpty ? [] : shown.map { .redrawRows($0.area.y..<$0.area.bottom) }
    }
    guard wanted != shown else { return [] }
    var commands: [ImageCommand] = []
    switch graphics.imageProtocol {
    case .kitty:
      commands += shown.indices.map { .write(KittyGraphicsEncoder.delete(id: Self.kittyID($0)), x: 0, y: 0) }
    case .sixel:
      // Rows a new image covers entirely in the same place are painted over; others are cleared.
      for old in shown where !wanted.contains(where: { $0.area == old.area && $0.image.width == old.image.width
        && $0.image.height == old.image.height }) {
        commands.append(.redrawRows(old.area.y..<old.area.bottom))
      }
    }
    for (index, placement) in wanted.enumerated() {
      let sequence: String
      switch graphics.imageProtocol {
      case .kitty: sequence = KittyGraphicsEncoder.encode(placement.image, id: Self.kittyID(index))
      case .sixel: sequence = SixelEncoder.encode(placement.image, maxColors: graphics.colorRegisters)
      }
      commands.append(.write(sequence, x: placement.area.x, y: placement.area.y))
    }
    shown = wanted
    return commands
  }
}
