import TUI

extension SimulationPane {
  /// Images are drawn at the pane's pixel size, so with sixel or kitty the pane asks for frames of
  /// up to `imageSnapshotSide` values a side (decoded from the checkpoint); in cells the 256²
  /// preview already holds more values than the pane has cells.
  public mutating func graphicsChanged(_ graphics: TerminalGraphics?) {
    snapshotSide = graphics == nil ? Self.snapshotColumns : Self.imageSnapshotSide
  }
}
